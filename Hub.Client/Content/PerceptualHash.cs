// A perceptual hash is only comparable with hashes of the same algorithm, so the algorithm travels
// with the value; the value's encoding is the algorithm's own.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

/// <summary>A perceptual hash and the algorithm that produced it.</summary>
public sealed record PerceptualHash
{
    /// <summary>Algorithm id in lower case, such as <c>pdq</c> or <c>photodna</c>.</summary>
    [JsonPropertyName("algorithm")]
    public required string Algorithm { get; init; }

    /// <summary>The hash in the algorithm's usual text encoding (printable ASCII, no spaces).</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>Members this version does not know, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; init; }
}

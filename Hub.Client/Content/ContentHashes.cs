// Hashes of one item. SHA-256 is what Hub matches on; MD5 and SHA-1 exist only because VICS-style
// hash sets in use by police still carry them, and a perceptual hash finds re-encoded copies.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

/// <summary>Content hashes of an item, as lower-case hex.</summary>
public sealed record ContentHashes
{
    /// <summary>SHA-256, 64 lower-case hex digits (required).</summary>
    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    /// <summary>MD5, 32 lower-case hex digits, for interchange with VICS-style hash sets.</summary>
    [JsonPropertyName("md5")]
    public string? Md5 { get; init; }

    /// <summary>SHA-1, 40 lower-case hex digits, for interchange with VICS-style hash sets.</summary>
    [JsonPropertyName("sha1")]
    public string? Sha1 { get; init; }

    /// <summary>A perceptual hash, when one was computed.</summary>
    [JsonPropertyName("perceptual")]
    public PerceptualHash? Perceptual { get; init; }

    /// <summary>Members this version does not know, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; init; }
}

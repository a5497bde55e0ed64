// One reported item: where it was, what it hashes to, how it was assessed and where it is hosted.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

/// <summary>A reported item (usually one URL).</summary>
public sealed record ReferralItem
{
    /// <summary>Absolute http or https URL, at most <see cref="ContentLimits.MaxUrlLength"/> characters.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Hashes of the content at the URL.</summary>
    [JsonPropertyName("hashes")]
    public required ContentHashes Hashes { get; init; }

    /// <summary>The assessment of the item.</summary>
    [JsonPropertyName("classification")]
    public required Classification Classification { get; init; }

    /// <summary>Where the item is hosted, as far as the referring agency traced it.</summary>
    [JsonPropertyName("hosting")]
    public HostingTrace? Hosting { get; init; }

    /// <summary>Members this version does not know, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; init; }
}

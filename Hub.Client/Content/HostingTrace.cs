// Where an item was hosted when traced: routing to the hosting country's hotline and police
// depends on it, so every member is checked strictly.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

/// <summary>The hosting of an item; every member is optional.</summary>
public sealed record HostingTrace
{
    /// <summary>IPv4 or IPv6 address in canonical text form (<c>192.0.2.10</c>, <c>2001:db8::1</c>).</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    /// <summary>Autonomous system number, <c>AS</c> followed by the number (<c>AS64496</c>).</summary>
    [JsonPropertyName("asn")]
    public string? Asn { get; init; }

    /// <summary>Hosting provider name.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>Hosting country, ISO 3166-1 alpha-2 in upper case (<c>NL</c>).</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>Members this version does not know, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; init; }
}

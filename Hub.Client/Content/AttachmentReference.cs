// Attachments are sealed as envelopes of their own and stored on the hub; the content only points
// at them, with the digest the recipient checks after opening the attachment.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

/// <summary>A reference to a separately sealed attachment.</summary>
public sealed record AttachmentReference
{
    /// <summary>The attachment's id on the hub: the client fetches its sealed envelope by this id.</summary>
    [JsonPropertyName("id")]
    public required Guid Id { get; init; }

    /// <summary>File name without any directory, at most <see cref="ContentLimits.MaxFileNameLength"/> characters.</summary>
    [JsonPropertyName("fileName")]
    public required string FileName { get; init; }

    /// <summary>Media type without parameters, in lower case (<c>image/png</c>).</summary>
    [JsonPropertyName("mediaType")]
    public required string MediaType { get; init; }

    /// <summary>Size of the plaintext attachment in bytes.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>SHA-256 of the plaintext attachment, 64 lower-case hex digits.</summary>
    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    /// <summary>Size of the sealed attachment (the age file the hub stores) in bytes.</summary>
    [JsonPropertyName("sealedSize")]
    public long? SealedSize { get; init; }

    /// <summary>
    /// SHA-256 of the sealed attachment, 64 lower-case hex digits. The recipient checks the downloaded bytes against it
    /// before decrypting: signed through the referral's payload digest, it pins the exact file the sender sealed.
    /// </summary>
    [JsonPropertyName("sealedSha256")]
    public string? SealedSha256 { get; init; }

    /// <summary>Members this version does not know, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; init; }
}

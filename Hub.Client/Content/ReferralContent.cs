// The plaintext inside a sealed referral, reply or information request: the document described in
// docs/referral-content.md. Members a newer minor version adds land in Extensions and are written
// back unchanged, so a v1 client can relay or re-encode v1.x content without losing anything.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

/// <summary>Structured referral content, schema <c>hub.referral-content/v1</c>.</summary>
public sealed record ReferralContent
{
    /// <summary>The schema id and version, <c>hub.referral-content/v1</c> or a v1 minor version such as <c>v1.1</c>.</summary>
    [JsonPropertyName("schema")]
    public string Schema { get; init; } = ContentSchema.Current;

    /// <summary>Referral, reply or information request.</summary>
    [JsonPropertyName("kind")]
    public required ReferralContentKind Kind { get; init; }

    /// <summary>Where the material was reported; required for a referral.</summary>
    [JsonPropertyName("source")]
    public ReportSource? Source { get; init; }

    /// <summary>When the material was reported to the referring agency; required for a referral.</summary>
    [JsonPropertyName("reportedAt")]
    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>The reported items; at least one in a referral, at most <see cref="ContentLimits.MaxItems"/>.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<ReferralItem> Items { get; init; } = [];

    /// <summary>Why the case is urgent; required in a referral exactly when the case priority is Urgent.</summary>
    [JsonPropertyName("escalationReason")]
    public string? EscalationReason { get; init; }

    /// <summary>Free text for the recipients.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Attachments sealed separately and fetched from the hub by id.</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<AttachmentReference> Attachments { get; init; } = [];

    /// <summary>The message id this reply or information request answers; absent in a referral.</summary>
    [JsonPropertyName("inReplyTo")]
    public Guid? InReplyTo { get; init; }

    /// <summary>What an information request asks for; only in information requests.</summary>
    [JsonPropertyName("requestedInformation")]
    public IReadOnlyList<string> RequestedInformation { get; init; } = [];

    /// <summary>Members this version does not know, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; init; }
}

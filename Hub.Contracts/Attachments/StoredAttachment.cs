namespace Hub.Contracts.Attachments;

/// <summary>A completed, digest-checked attachment as the case records it: opaque sealed bytes, who stored them, their size and SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Attachments.StoredAttachment")]
public sealed record StoredAttachment(
    [property: Id(0)] Guid AttachmentId,
    [property: Id(1)] string ByAgency,
    [property: Id(2)] long Size,
    [property: Id(3)] string Sha256);

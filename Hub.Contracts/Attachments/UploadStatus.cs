namespace Hub.Contracts.Attachments;

/// <summary>Where an upload stands: bytes up to <see cref="Offset"/> are durable; complete once the hub verified the digest.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Attachments.UploadStatus")]
public sealed record UploadStatus(
    [property: Id(0)] Guid CaseId,
    [property: Id(1)] Guid AttachmentId,
    [property: Id(2)] long Size,
    [property: Id(3)] string Sha256,
    [property: Id(4)] long Offset,
    [property: Id(5)] bool Complete,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] long CaseVersion = 0);

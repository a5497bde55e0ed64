namespace Hub.Contracts.Attachments;

/// <summary>
/// Declares a sealed attachment before its bytes arrive: the total size and the SHA-256 of the sealed bytes, which the
/// hub checks on completion. The attachment id is chosen by the client, so repeating the declaration is a safe retry.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Attachments.OpenUpload")]
public sealed record OpenUpload(
    [property: Id(0)] Guid CaseId,
    [property: Id(1)] Guid AttachmentId,
    [property: Id(2)] long Size,
    [property: Id(3)] string Sha256);

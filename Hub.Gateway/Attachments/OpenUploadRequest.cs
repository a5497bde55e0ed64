namespace Hub.Gateway.Attachments;

/// <summary>Declares an upload: a client-generated attachment id, the sealed size and the SHA-256 of the sealed bytes (64 lower-case hex digits).</summary>
public sealed record OpenUploadRequest(Guid AttachmentId, long Size, string Sha256);

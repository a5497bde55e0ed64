namespace Hub.Client.Wire;

/// <summary>Declares an attachment upload: a client-generated id, the sealed size and the SHA-256 of the sealed bytes (lower-case hex).</summary>
public sealed record OpenUpload(Guid AttachmentId, long Size, string Sha256);

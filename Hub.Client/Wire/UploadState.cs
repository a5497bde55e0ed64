namespace Hub.Client.Wire;

/// <summary>An upload: bytes before <paramref name="Offset"/> are durable on the hub; complete once the digest matched and the case recorded it.</summary>
public sealed record UploadState(
    Guid AttachmentId, long Size, string Sha256, long Offset, bool Complete, DateTimeOffset ExpiresAt, int MaxChunkBytes, long CaseVersion);

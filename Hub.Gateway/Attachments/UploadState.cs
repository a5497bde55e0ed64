using Hub.Contracts.Attachments;

namespace Hub.Gateway.Attachments;

/// <summary>
/// An upload as its agency sees it: bytes before <paramref name="Offset"/> are durable; send the next chunk there, at
/// most <paramref name="MaxChunkBytes"/> long. <paramref name="Complete"/> once the digest matched and the case recorded it
/// (at <paramref name="CaseVersion"/>).
/// </summary>
public sealed record UploadState(
    Guid AttachmentId, long Size, string Sha256, long Offset, bool Complete, DateTimeOffset ExpiresAt, int MaxChunkBytes, long CaseVersion)
{
    public static UploadState Of(UploadStatus status, int maxChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.AttachmentId, status.Size, status.Sha256, status.Offset, status.Complete, status.ExpiresAt, maxChunkBytes, status.CaseVersion);
    }
}

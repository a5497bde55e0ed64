using Hub.Silo.EventSourcing;

namespace Hub.Silo.Attachments;

/// <summary>An event of one agency's uploads stream; every event names the upload (attachment id) it is about.</summary>
public abstract record UploadEvent(DateTimeOffset At, Guid AttachmentId);

/// <summary>
/// An upload was declared: case, size and SHA-256 of the sealed bytes. The user and roles are kept so that a completion
/// interrupted by a crash can be finished later on the uploader's behalf.
/// </summary>
public sealed record UploadOpened(DateTimeOffset At, Guid AttachmentId, Guid CaseId, string UserId, IReadOnlyList<string> Roles, long Size, string Sha256)
    : UploadEvent(At, AttachmentId);

/// <summary>The bytes up to <see cref="Offset"/> are on disk and synced.</summary>
public sealed record UploadProgressed(DateTimeOffset At, Guid AttachmentId, long Offset)
    : UploadEvent(At, AttachmentId);

/// <summary>Every byte arrived and the stored file's SHA-256 matched: no more writes; next, the case records it.</summary>
public sealed record UploadVerified(DateTimeOffset At, Guid AttachmentId)
    : UploadEvent(At, AttachmentId);

/// <summary>The case recorded the attachment (at <see cref="CaseVersion"/>); the upload no longer counts against the quota.</summary>
public sealed record UploadCompleted(DateTimeOffset At, Guid AttachmentId, long CaseVersion)
    : UploadEvent(At, AttachmentId);

/// <summary>The upload was given up (expired, digest mismatch, id taken in the case) and its bytes deleted.</summary>
public sealed record UploadAbandoned(DateTimeOffset At, Guid AttachmentId, string Reason)
    : UploadEvent(At, AttachmentId);

internal static class UploadEvents
{
    public static EventCodec<UploadEvent> Codec { get; } = new EventCodec<UploadEvent>()
        .Map<UploadOpened>("uploads.opened.v1")
        .Map<UploadProgressed>("uploads.progressed.v1")
        .Map<UploadVerified>("uploads.verified.v1")
        .Map<UploadCompleted>("uploads.completed.v1")
        .Map<UploadAbandoned>("uploads.abandoned.v1");

    public static string StreamId(string agencyId) => $"uploads/{agencyId}";
}

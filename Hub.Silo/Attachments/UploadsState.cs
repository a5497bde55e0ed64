namespace Hub.Silo.Attachments;

/// <summary>The fold of one agency's uploads stream. Only <see cref="Apply"/> changes it, after the journal made the event durable.</summary>
public sealed class UploadsState
{
    public Dictionary<Guid, Upload> Uploads { get; } = [];

    /// <summary>Uploads that count against the agency's quota: still receiving bytes, or verified but not yet recorded.</summary>
    public int OpenCount => Uploads.Values.Count(u => u.Phase is UploadPhase.Receiving or UploadPhase.Verified);

    public UploadsState Apply(UploadEvent @event)
    {
        switch (@event)
        {
            case UploadOpened opened:
                Uploads[opened.AttachmentId] = new Upload(opened) { LastActivity = opened.At };
                break;
            case UploadProgressed progressed:
                Uploads[progressed.AttachmentId].Offset = progressed.Offset;
                Uploads[progressed.AttachmentId].LastActivity = progressed.At;
                break;
            case UploadVerified verified:
                Uploads[verified.AttachmentId].Phase = UploadPhase.Verified;
                break;
            case UploadCompleted completed:
                Uploads[completed.AttachmentId].Phase = UploadPhase.Completed;
                Uploads[completed.AttachmentId].CaseVersion = completed.CaseVersion;
                break;
            case UploadAbandoned abandoned:
                Uploads[abandoned.AttachmentId].Phase = UploadPhase.Abandoned;
                break;
            default:
                throw new InvalidDataException($"Unhandled upload event {@event.GetType().Name}.");
        }

        return this;
    }

    /// <summary>One upload as the stream tells it.</summary>
    public sealed class Upload(UploadOpened opened)
    {
        public UploadOpened Opened { get; } = opened;

        public long Offset { get; set; }

        public DateTimeOffset LastActivity { get; set; }

        public UploadPhase Phase { get; set; } = UploadPhase.Receiving;

        public long CaseVersion { get; set; }
    }
}

public enum UploadPhase
{
    Receiving = 1,
    Verified = 2,
    Completed = 3,
    Abandoned = 4,
}

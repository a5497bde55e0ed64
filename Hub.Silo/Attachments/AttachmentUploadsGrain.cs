using Hub.Contracts;
using Hub.Contracts.Attachments;
using Hub.Contracts.Cases;
using Hub.Silo.Cases;
using Hub.Silo.EventSourcing;
using Hub.Silo.Journal;

namespace Hub.Silo.Attachments;

/// <summary>
/// One agency's uploads (key: agency id), as the fold of its journal stream <c>uploads/{agency}</c>. Decides who may
/// continue an upload and from which offset; records each synced chunk, the digest check and the hand-over to the case.
/// Completion is two steps (verified, then recorded in the case and completed), so a crash between them is finished by
/// the next completion request or by the expiry reminder, never lost and never recorded twice.
/// </summary>
public sealed partial class AttachmentUploadsGrain(IJournalStore journal, TimeProvider clock, AttachmentFiles files, AttachmentOptions options)
    : Grain, IAttachmentUploadsGrain, IRemindable
{
    private EventSourcedState<UploadsState, UploadEvent> _stream = null!;

    private UploadsState State => _stream.State;

    private string AgencyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventSourcedState<UploadsState, UploadEvent>(
            journal, UploadEvents.StreamId(AgencyId), new UploadsState(), (state, @event) => state.Apply(@event), UploadEvents.Codec);
        await _stream.LoadAsync(cancellationToken);
    }

    public async Task<UploadResult> OpenAsync(Caller caller, OpenUpload command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (caller.AgencyId != AgencyId)
        {
            return UploadResult.NotFound;
        }

        if (State.Uploads.TryGetValue(command.AttachmentId, out var known) && known.Opened.CaseId == command.CaseId)
        {
            // The same declaration again is a retry; anything else under this id is a different upload.
            return known.Opened.Size != command.Size || known.Opened.Sha256 != command.Sha256 ? UploadResult.Conflict("This attachment id is taken by another upload.")
                : known.Phase == UploadPhase.Abandoned ? UploadResult.Conflict("This upload was abandoned (expired or refused); start again with a new attachment id.")
                : UploadResult.Done(StatusOf(known));
        }

        if (await GrainFactory.GetGrain<ICaseGrain>(command.CaseId).GetViewAsync(caller, ct) is null)
        {
            return UploadResult.NotFound;
        }

        if (!CaseRules.IsCaseWorker(caller))
        {
            return UploadResult.Forbidden("Attachments are uploaded by case workers (analysts, investigators, liaison officers).");
        }

        if (known is not null)
        {
            return UploadResult.Conflict("This attachment id is taken by another upload.");
        }

        if (Check(command) is { } problem)
        {
            return UploadResult.Invalid(problem);
        }

        if (State.OpenCount >= options.MaxOpenUploadsPerAgency)
        {
            return UploadResult.Conflict($"Your agency has {State.OpenCount} uploads open, the most allowed; complete one or let it expire.");
        }

        await AppendAsync(new UploadOpened(clock.GetUtcNow(), command.AttachmentId, command.CaseId, caller.UserId, caller.Roles, command.Size, command.Sha256), ct);
        return UploadResult.Done(StatusOf(State.Uploads[command.AttachmentId]));
    }

    public async Task<UploadResult> GetAsync(Caller caller, Guid caseId, Guid attachmentId, CancellationToken ct) =>
        await FindAsync(caller, caseId, attachmentId, ct) is { } upload ? UploadResult.Done(StatusOf(upload)) : UploadResult.NotFound;

    public async Task<UploadResult> CommitChunkAsync(Caller caller, Guid caseId, Guid attachmentId, long offset, long newOffset, CancellationToken ct)
    {
        if (await FindAsync(caller, caseId, attachmentId, ct) is not { } upload)
        {
            return UploadResult.NotFound;
        }

        if (upload.Phase != UploadPhase.Receiving || offset != upload.Offset)
        {
            return UploadResult.Conflict($"The upload continues at offset {upload.Offset}.", StatusOf(upload));
        }

        if (newOffset <= offset || newOffset > upload.Opened.Size)
        {
            return UploadResult.Invalid($"A chunk ends after its start and at most at the declared size ({upload.Opened.Size}).", StatusOf(upload));
        }

        await AppendAsync(new UploadProgressed(clock.GetUtcNow(), attachmentId, newOffset), ct);
        return UploadResult.Done(StatusOf(upload));
    }

    public async Task<UploadResult> CompleteAsync(Caller caller, Guid caseId, Guid attachmentId, bool digestMatches, CancellationToken ct)
    {
        if (await FindAsync(caller, caseId, attachmentId, ct) is not { } upload)
        {
            return UploadResult.NotFound;
        }

        switch (upload.Phase)
        {
            case UploadPhase.Completed:
                return UploadResult.Done(StatusOf(upload));
            case UploadPhase.Receiving when upload.Offset != upload.Opened.Size:
                return UploadResult.Conflict($"{upload.Offset} of {upload.Opened.Size} bytes are uploaded; send the rest first.", StatusOf(upload));
            case UploadPhase.Receiving when !digestMatches:
                await AbandonAsync(upload, "digest mismatch", ct);
                return UploadResult.Invalid("The uploaded bytes do not match the declared SHA-256; the upload is discarded and nothing was recorded.");
            case UploadPhase.Receiving:
                await AppendAsync(new UploadVerified(clock.GetUtcNow(), attachmentId), ct);
                break;
        }

        return await FinishAsync(upload, ct);
    }

    /// <summary>The upload, if it is the caller's agency's, in this case, and not abandoned; an expired one is abandoned here.</summary>
    private async Task<UploadsState.Upload?> FindAsync(Caller caller, Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.AgencyId != AgencyId || !State.Uploads.TryGetValue(attachmentId, out var upload) || upload.Opened.CaseId != caseId
            || upload.Phase == UploadPhase.Abandoned)
        {
            return null;
        }

        if (IsExpired(upload))
        {
            await AbandonAsync(upload, "expired", ct);
            return null;
        }

        return upload;
    }

    /// <summary>Hands a verified upload to its case (idempotent there), then completes it.</summary>
    private async Task<UploadResult> FinishAsync(UploadsState.Upload upload, CancellationToken ct)
    {
        var opened = upload.Opened;
        var uploader = new Caller(AgencyId, opened.UserId, opened.Roles);
        var recorded = await GrainFactory.GetGrain<ICaseGrain>(opened.CaseId)
            .RecordAttachmentAsync(uploader, new StoredAttachment(opened.AttachmentId, AgencyId, opened.Size, opened.Sha256), ct);
        if (recorded.Status != CaseResultStatus.Done)
        {
            await AbandonAsync(upload, "refused by the case", ct);
            return UploadResult.From(recorded);
        }

        await AppendAsync(new UploadCompleted(clock.GetUtcNow(), opened.AttachmentId, recorded.Version), ct);
        return UploadResult.Done(StatusOf(upload));
    }

    private async Task AbandonAsync(UploadsState.Upload upload, string reason, CancellationToken ct)
    {
        // Journal first: once abandoned, no chunk is accepted, so deleting the bytes cannot race with a commit.
        await AppendAsync(new UploadAbandoned(clock.GetUtcNow(), upload.Opened.AttachmentId, reason), ct);
        files.Delete(upload.Opened.CaseId, AgencyId, upload.Opened.AttachmentId);
    }

    private async Task AppendAsync(UploadEvent @event, CancellationToken ct)
    {
        await _stream.AppendAsync(@event, ct);
        await ScheduleSweepAsync();
    }

    private bool IsExpired(UploadsState.Upload upload) =>
        upload.Phase == UploadPhase.Receiving && upload.LastActivity + options.UploadExpiry <= clock.GetUtcNow();

    private UploadStatus StatusOf(UploadsState.Upload upload) => new(
        upload.Opened.CaseId, upload.Opened.AttachmentId, upload.Opened.Size, upload.Opened.Sha256, upload.Offset,
        upload.Phase == UploadPhase.Completed, upload.LastActivity + options.UploadExpiry, upload.CaseVersion);

    private string? Check(OpenUpload command)
    {
        if (command.AttachmentId == Guid.Empty)
        {
            return "An upload needs a client-generated attachmentId.";
        }

        if (command.Size <= 0 || command.Size > options.MaxBytes)
        {
            return $"A sealed attachment has 1 to {options.MaxBytes} bytes.";
        }

        return command.Sha256 is { Length: 64 } hex && hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? null
            : "sha256 is the SHA-256 of the sealed bytes, 64 lower-case hex digits.";
    }
}

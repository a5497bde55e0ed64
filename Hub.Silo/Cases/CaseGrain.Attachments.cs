using Hub.Contracts;
using Hub.Contracts.Attachments;
using Hub.Contracts.Cases;

namespace Hub.Silo.Cases;

/// <summary>
/// Attachments in the case's audit stream: a completed upload (who, size, sealed digest) and every download. The bytes
/// are opaque sealed files beside the journal; the case only decides who may fetch them and records that they did.
/// </summary>
public sealed partial class CaseGrain
{
    public async Task<CaseResult> RecordAttachmentAsync(Caller caller, StoredAttachment attachment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (Participant(caller) is null)
        {
            return CaseResult.NotFound;
        }

        if (State.Attachments.TryGetValue(attachment.AttachmentId, out var known))
        {
            // The uploads grain retries after a crash between its two steps: the same attachment again changes nothing.
            return known.ByAgency == caller.AgencyId && known.Size == attachment.Size && known.Sha256 == attachment.Sha256
                ? new CaseResult(CaseResultStatus.Done, Version: _stream.Version)
                : CaseResult.Conflict("Another attachment of this case has this id.");
        }

        if (attachment.ByAgency != caller.AgencyId)
        {
            return CaseResult.Forbidden("An agency records only its own attachments.");
        }

        return await CommitAsync(
            new AttachmentStored(clock.GetUtcNow(), caller.AgencyId, caller.UserId, Guid.Empty, attachment.AttachmentId, attachment.Size, attachment.Sha256), ct);
    }

    public async Task<(CaseResult Result, StoredAttachment? Attachment)> FetchAttachmentAsync(Caller caller, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Participant(caller) is null || !CaseRules.MayRead(caller) || !State.Attachments.TryGetValue(attachmentId, out var stored))
        {
            return (CaseResult.NotFound, null);
        }

        // Who downloaded what, when: journaled before the gateway sends a byte, like envelope fetches.
        var result = await CommitAsync(new AttachmentFetched(clock.GetUtcNow(), caller.AgencyId, caller.UserId, Guid.Empty, attachmentId), ct);
        return (result, new StoredAttachment(stored.AttachmentId, stored.ByAgency, stored.Size, stored.Sha256));
    }

    public async Task<(CaseResult Result, byte[]? Header)> FetchAttachmentHeaderAsync(Caller caller, Guid messageId, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Participant(caller) is null || !CaseRules.MayRead(caller) || !State.Messages.TryGetValue(messageId, out var message)
            || !State.Attachments.ContainsKey(attachmentId))
        {
            return (CaseResult.NotFound, null);
        }

        // Not journaled: the header is key material for the added agency only, useless without the sealed file, and
        // every download of that file is journaled.
        if (!message.Rewraps.TryGetValue(caller.AgencyId, out var rewrap) || rewrap.Added.Attachments?.FirstOrDefault(a => a.AttachmentId == attachmentId) is not { } stored)
        {
            return (CaseResult.Forbidden("Your agency has no re-wrapped header for this attachment of this message (original recipients find theirs in the sealed file)."), null);
        }

        var header = await journal.GetBlobAsync(Blob(rewrap.Version, stored.HeaderDigest), ct)
            ?? throw new InvalidDataException($"The re-wrapped header of attachment {attachmentId} is missing from the store.");
        return (new CaseResult(CaseResultStatus.Done, Version: _stream.Version), header);
    }
}

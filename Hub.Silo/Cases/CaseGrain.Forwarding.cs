using Hub.Contracts;
using Hub.Contracts.Cases;
using Hub.Silo.Journal;

namespace Hub.Silo.Cases;

public sealed partial class CaseGrain
{
    public async Task<CaseResult> RequestForwardAsync(Caller caller, RequestForward command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Participant(caller) is not { } me)
        {
            return CaseResult.NotFound;
        }

        if (Replay(command.CommandId) is { } done)
        {
            return done;
        }

        if (me.Role == ParticipantRole.Originator || !CaseRules.MayForward(caller))
        {
            return CaseResult.Forbidden("Liaison officers and investigators of participating agencies forward cases; originators refer directly.");
        }

        if (State.Participants.ContainsKey(command.ToAgency ?? string.Empty) || State.PendingForwards.ContainsKey(command.ToAgency ?? string.Empty))
        {
            return CaseResult.Conflict($"{command.ToAgency} already takes part or is waiting for consent.");
        }

        if (await LookupAsync(command.ToAgency ?? string.Empty, ct) is not { } target)
        {
            return CaseResult.Invalid($"No agency '{command.ToAgency}'.");
        }

        var handling = State.Opened!.Handling;
        if (!HandlingRules.MayReceive(handling, target.Kind))
        {
            return CaseResult.Forbidden($"{handling.Siena} material is for law enforcement only; {target.AgencyId} is a {target.Kind}.");
        }

        var now = clock.GetUtcNow();
        if (HandlingRules.ForwardNeedsConsent(handling))
        {
            return await CommitAsync(new ForwardRequested(now, caller.AgencyId, caller.UserId, command.CommandId, target), ct);
        }

        return await CommitAsync(new ParticipantAdded(now, caller.AgencyId, caller.UserId, command.CommandId, target), ct);
    }

    public async Task<CaseResult> DecideConsentAsync(Caller caller, DecideConsent command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Participant(caller) is not { } me)
        {
            return CaseResult.NotFound;
        }

        if (Replay(command.CommandId) is { } done)
        {
            return done;
        }

        if (me.Role != ParticipantRole.Originator || !(caller.HasRole(HubRoles.Analyst) || caller.HasRole(HubRoles.AgencyAdmin)))
        {
            return CaseResult.Forbidden("Only the originating agency's analysts or admins decide on consent.");
        }

        if (!State.PendingForwards.TryGetValue(command.ToAgency ?? string.Empty, out var pending))
        {
            return CaseResult.Conflict($"No forward to {command.ToAgency} is waiting for consent.");
        }

        var now = clock.GetUtcNow();
        var consent = new ConsentDecided(now, caller.AgencyId, caller.UserId, command.CommandId, pending.To.AgencyId, command.Grant);
        return command.Grant
            ? await CommitAsync([consent, new ParticipantAdded(now, caller.AgencyId, caller.UserId, Guid.Empty, pending.To)], ct)
            : await CommitAsync(consent, ct);
    }

    public async Task<CaseResult> AddRewrapAsync(Caller caller, AddRewrap command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Participant(caller) is null)
        {
            return CaseResult.NotFound;
        }

        if (Replay(command.CommandId) is { } done)
        {
            return done;
        }

        if (!CaseRules.IsCaseWorker(caller) || !State.Messages.TryGetValue(command.MessageId, out var message) || !message.ReadableBy(caller.AgencyId))
        {
            return CaseResult.Forbidden("Only an agency that can read the message can re-wrap it.");
        }

        var recipient = command.Recipient;
        if (recipient is null || !State.Participants.ContainsKey(recipient.AgencyId) || recipient.Generation < 1)
        {
            return CaseResult.Conflict("Re-wrap only for an agency that was added to the case.");
        }

        if (message.ReadableBy(recipient.AgencyId))
        {
            return CaseResult.Conflict($"{recipient.AgencyId} can read this message already.");
        }

        if (command.Header is not { Length: > 0 and <= MaxHeaderBytes } || command.Statement is not { Length: > 0 and <= CaseRules.MaxStatementBytes } || command.Signature is not { Length: SignatureBytes })
        {
            return CaseResult.Invalid("A re-wrap needs a header, a signed statement and its signature.");
        }

        if (CheckAttachmentHeaders(command.Attachments) is { } attachmentProblem)
        {
            return CaseResult.Invalid(attachmentProblem);
        }

        // The re-wrapped headers commit with the event that names them (one fsync, never an event without its bytes).
        var header = PendingBlob.Of(command.Header);
        var attachments = (command.Attachments ?? []).Select(a => (a.AttachmentId, Blob: PendingBlob.Of(a.Header))).ToList();
        return await CommitAsync(
            [
                new RewrapAdded(
                    clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.MessageId, recipient, command.SenderDeviceId, header.Digest,
                    command.Statement, command.Signature, attachments.Count == 0 ? null : [.. attachments.Select(a => new AttachmentHeaderStored(a.AttachmentId, a.Blob.Digest))]),
            ],
            [header, .. attachments.Select(a => a.Blob)],
            ct);
    }

    /// <summary>Attachment headers are opaque, but each must be for a stored attachment of this case, once, and of header size.</summary>
    private string? CheckAttachmentHeaders(IReadOnlyList<RewrappedAttachment>? attachments)
    {
        attachments ??= [];
        if (attachments.Count > CaseLimits.MaxRewrappedAttachments)
        {
            return $"A re-wrap carries at most {CaseLimits.MaxRewrappedAttachments} attachment headers.";
        }

        var seen = new HashSet<Guid>();
        foreach (var attachment in attachments)
        {
            if (attachment is null || !seen.Add(attachment.AttachmentId))
            {
                return "Each attachment header is for a distinct attachment.";
            }

            if (attachment.Header is not { Length: > 0 and <= MaxHeaderBytes })
            {
                return $"Attachment {attachment.AttachmentId}: a header of 1 to {MaxHeaderBytes} bytes is required.";
            }

            if (!State.Attachments.ContainsKey(attachment.AttachmentId))
            {
                return $"The case has no stored attachment {attachment.AttachmentId}.";
            }
        }

        return null;
    }
}

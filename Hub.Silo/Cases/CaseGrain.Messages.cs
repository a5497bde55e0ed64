using Hub.Contracts;
using Hub.Contracts.Cases;
using Hub.Silo.Journal;

namespace Hub.Silo.Cases;

public sealed partial class CaseGrain
{
    private const int MaxHeaderBytes = CaseLimits.MaxHeaderBytes;
    private const int SignatureBytes = 64;

    public async Task<CaseResult> SubmitMessageAsync(Caller caller, SubmitMessage command, CancellationToken ct)
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

        if (!CaseRules.IsCaseWorker(caller) || (command.Kind == MessageKind.Referral && (me.Role != ParticipantRole.Originator || !caller.HasRole(HubRoles.Analyst))))
        {
            return CaseResult.Forbidden("Referrals come from the originator's analysts; replies from participants' case workers.");
        }

        if (CheckShape(caller, command) is { } shapeProblem)
        {
            return CaseResult.Invalid(shapeProblem);
        }

        if (State.Messages.ContainsKey(command.MessageId))
        {
            return CaseResult.Conflict("A message with this id exists already.");
        }

        var joining = new List<CaseAgency>();
        foreach (var recipient in command.Recipients.Where(r => !State.Participants.ContainsKey(r.AgencyId)))
        {
            if (command.Kind != MessageKind.Referral)
            {
                return CaseResult.Invalid($"Replies go to participants only; {recipient.AgencyId} is not one.");
            }

            if (await LookupAsync(recipient.AgencyId, ct) is not { } agency)
            {
                return CaseResult.Invalid($"No agency '{recipient.AgencyId}'.");
            }

            if (!HandlingRules.MayReceive(State.Opened!.Handling, agency.Kind))
            {
                return CaseResult.Forbidden($"{State.Opened.Handling.Siena} material is for law enforcement only; {agency.AgencyId} is a {agency.Kind}.");
            }

            joining.Add(agency);
        }

        // The envelope bytes ride in the event's own commit: durable together or not at all, so there is never an
        // event without its envelope, and a referral waits for one fsync instead of two.
        var header = PendingBlob.Of(command.Header);
        var payload = PendingBlob.Of(command.Payload);
        return await CommitAsync(
            [
                new MessageSubmitted(
                    clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.MessageId, command.Kind, command.SenderDeviceId,
                    command.Recipients, header.Digest, payload.Digest, command.Payload.LongLength, command.Statement, command.Signature, joining),
            ],
            [header, payload],
            ct);
    }

    public async Task<(CaseResult Result, EnvelopeForAgency? Envelope)> FetchEnvelopeAsync(Caller caller, Guid messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Participant(caller) is null || !CaseRules.MayRead(caller) || !State.Messages.TryGetValue(messageId, out var message))
        {
            return (CaseResult.NotFound, null);
        }

        if (!message.ReadableBy(caller.AgencyId))
        {
            return (CaseResult.Forbidden("Your agency has no key header for this message yet; a participant must re-wrap it."), null);
        }

        var submitted = message.Submitted;
        message.Rewraps.TryGetValue(caller.AgencyId, out var rewrap);
        var header = await journal.GetBlobAsync(rewrap is null ? Blob(message.Version, submitted.HeaderDigest) : Blob(rewrap.Version, rewrap.Added.HeaderDigest), ct);
        var payload = await journal.GetBlobAsync(Blob(message.Version, submitted.PayloadDigest), ct);
        if (header is null || payload is null)
        {
            throw new InvalidDataException($"Envelope bytes of message {messageId} are missing from the store.");
        }

        // Who read what, when: every fetch is part of the case's audit trail.
        var result = await CommitAsync(new EnvelopeFetched(clock.GetUtcNow(), caller.AgencyId, caller.UserId, Guid.Empty, messageId), ct);
        var rewrapView = rewrap?.Added is { } added ? new RewrapView(added.ByAgency, added.SenderDeviceId, added.Statement, added.Signature) : null;
        return (result, new EnvelopeForAgency(messageId, submitted.ByAgency, submitted.SenderDeviceId, header, payload, submitted.Statement, submitted.Signature, rewrapView));
    }

    public Task<byte[]?> GetMessageStatementAsync(Caller caller, Guid messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult(Participant(caller) is not null && State.Messages.TryGetValue(messageId, out var message) && message.ReadableBy(caller.AgencyId)
            ? message.Submitted.Statement
            : null);
    }

    /// <summary>Bytes the journal stored with this case's event of <paramref name="version"/>.</summary>
    private BlobReference Blob(long version, string digest) => new(_stream.StreamId, version, digest);

    private static string? CheckShape(Caller caller, SubmitMessage command)
    {
        if (!Enum.IsDefined(command.Kind) || command.MessageId == Guid.Empty || string.IsNullOrWhiteSpace(command.SenderDeviceId))
        {
            return "A message needs a kind, a message id and the sender's device id.";
        }

        if (command.Recipients is null || command.Recipients.Count is 0 or > CaseRules.MaxRecipients)
        {
            return $"A message has 1 to {CaseRules.MaxRecipients} recipient agencies.";
        }

        if (command.Recipients.Select(r => r.AgencyId).Distinct(StringComparer.Ordinal).Count() != command.Recipients.Count || command.Recipients.Any(r => r.Generation < 1))
        {
            return "Recipients are distinct agencies with key generations from 1.";
        }

        if (!command.Recipients.Any(r => r.AgencyId == caller.AgencyId))
        {
            return "A message is also sealed to the sender's own agency, so its other members can read it.";
        }

        if (command.Header is not { Length: > 0 and <= MaxHeaderBytes } || command.Payload is null)
        {
            return $"The envelope needs a header of at most {MaxHeaderBytes} bytes and a payload.";
        }

        if (command.Statement is not { Length: > 0 and <= CaseRules.MaxStatementBytes } || command.Signature is not { Length: SignatureBytes })
        {
            return "The signed statement or its signature is missing or malformed.";
        }

        return null;
    }
}

using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;
using Hub.Silo.EventSourcing;

namespace Hub.Silo.Cases;

/// <summary>Who did it and under which command id (for idempotent retries). Hub-initiated events have no command.</summary>
public abstract record CaseEvent(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId);

/// <summary>
/// An agency as the case knows it: routing facts copied in when it joined, so the fold needs no lookups.
/// <paramref name="AckSlaMinutes"/> is its acknowledgement target for this case's priority (0: none recorded).
/// </summary>
public sealed record CaseAgency(string AgencyId, AgencyKind Kind, string Country, int AckSlaMinutes = 0);

public sealed record CaseOpened(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    CaseAgency Originator, Priority Priority, CaseCategory Category, string HostingCountry, HandlingCodes Handling, DateTimeOffset ReportedAt)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>A sealed message was stored; agencies in <see cref="NewParticipants"/> joined the case with it.</summary>
public sealed record MessageSubmitted(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    Guid MessageId, MessageKind Kind, string SenderDeviceId, IReadOnlyList<RecipientKey> Recipients,
    string HeaderDigest, string PayloadDigest, long PayloadBytes, byte[] Statement, byte[] Signature,
    IReadOnlyList<CaseAgency> NewParticipants)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

public sealed record EnvelopeFetched(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, Guid MessageId)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

public sealed record ReferralDecided(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, RecipientStatus Decision)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

public sealed record ForwardRequested(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, CaseAgency To)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

public sealed record ConsentDecided(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, string ToAgency, bool Granted)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>An agency joined by forwarding; it can read a message once a participant re-wrapped it.</summary>
public sealed record ParticipantAdded(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, CaseAgency Agency)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>
/// A message re-wrapped for an added agency; <paramref name="Attachments"/> names the attachment headers re-wrapped with it
/// (absent in entries written before attachments were re-wrapped, and when the message names none).
/// </summary>
public sealed record RewrapAdded(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    Guid MessageId, RecipientKey Recipient, string SenderDeviceId, string HeaderDigest, byte[] Statement, byte[] Signature,
    IReadOnlyList<AttachmentHeaderStored>? Attachments = null)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>A re-wrapped attachment header, stored (like envelope bytes) under its SHA-256 beside the journal.</summary>
public sealed record AttachmentHeaderStored(Guid AttachmentId, string HeaderDigest);

public sealed record HoldPlaced(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, DateTimeOffset Until, HoldReason Reason)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

public sealed record HoldLifted(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

public sealed record TakedownRecorded(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, TakedownStep Step)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

public sealed record OutcomeRecorded(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, CaseOutcome Outcome, int Victims)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>A hold reached its end without being lifted; the notice may go out.</summary>
public sealed record HoldExpired(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, string HeldBy)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>An urgent referral was not acknowledged by <see cref="AgencyId"/> within its SLA: escalated to the liaison duty.</summary>
public sealed record SlaBreached(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, string AgencyId, DateTimeOffset Deadline)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>An auditor or admin of a participating agency exported the case's evidence bundle (the bundle includes this entry).</summary>
public sealed record AuditExported(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>A sealed attachment was uploaded completely and its SHA-256 matched the declared one (who, size, digest).</summary>
public sealed record AttachmentStored(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, Guid AttachmentId, long Size, string Sha256)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>A participant downloaded a stored attachment's sealed bytes (who, when).</summary>
public sealed record AttachmentFetched(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, Guid AttachmentId)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

/// <summary>Inbox notices for every event up to <see cref="UpToVersion"/> were delivered (outbox checkpoint).</summary>
public sealed record NoticesDelivered(DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId, long UpToVersion)
    : CaseEvent(At, ByAgency, ByUser, CommandId);

internal static class CaseEvents
{
    public static EventCodec<CaseEvent> Codec { get; } = new EventCodec<CaseEvent>()
        .Map<CaseOpened>("case.opened.v1")
        .Map<MessageSubmitted>("case.message-submitted.v1")
        .Map<EnvelopeFetched>("case.envelope-fetched.v1")
        .Map<ReferralDecided>("case.referral-decided.v1")
        .Map<ForwardRequested>("case.forward-requested.v1")
        .Map<ConsentDecided>("case.consent-decided.v1")
        .Map<ParticipantAdded>("case.participant-added.v1")
        .Map<RewrapAdded>("case.rewrap-added.v1")
        .Map<HoldPlaced>("case.hold-placed.v1")
        .Map<HoldLifted>("case.hold-lifted.v1")
        .Map<TakedownRecorded>("case.takedown-recorded.v1")
        .Map<OutcomeRecorded>("case.outcome-recorded.v1")
        .Map<NoticesDelivered>("case.notices-delivered.v1")
        .Map<HoldExpired>("case.hold-expired.v1")
        .Map<SlaBreached>("case.sla-breached.v1")
        .Map<AuditExported>("case.audit-exported.v1")
        .Map<AttachmentStored>("case.attachment-stored.v1")
        .Map<AttachmentFetched>("case.attachment-fetched.v1");

    public static string StreamId(Guid caseId) => $"case/{caseId:N}";
}

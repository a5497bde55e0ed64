using Hub.Contracts.Cases;

namespace Hub.Silo.Cases;

/// <summary>
/// The fold of a case's events. Mutable for speed, but only <see cref="Apply"/> changes it, and only
/// after the journal made the event durable.
/// </summary>
public sealed class CaseState
{
    public bool IsOpen => Opened is not null;

    public CaseOpened? Opened { get; private set; }

    public Dictionary<string, Participant> Participants { get; } = new(StringComparer.Ordinal);

    public Dictionary<Guid, Message> Messages { get; } = [];

    /// <summary>Completed attachments (sealed bytes beside the journal), by attachment id.</summary>
    public Dictionary<Guid, AttachmentStored> Attachments { get; } = [];

    /// <summary>Results of commands that wrote something, by command id: a retry gets the same answer.</summary>
    public Dictionary<Guid, long> DoneCommands { get; } = [];

    public Dictionary<string, ForwardRequested> PendingForwards { get; } = new(StringComparer.Ordinal);

    public Hold? ActiveHold { get; private set; }

    /// <summary>The most recent hold, kept after it ended (for its duration).</summary>
    public Hold? LastHold { get; private set; }

    public TakedownStatus Takedown { get; private set; } = TakedownStatus.NoticePending;

    public DateTimeOffset? NoticeSentAt { get; private set; }

    public DateTimeOffset? TakedownClosedAt { get; private set; }

    public List<OutcomeRecorded> Outcomes { get; } = [];

    /// <summary>Agencies whose acknowledgement deadline passed and was escalated.</summary>
    public HashSet<string> Escalated { get; } = new(StringComparer.Ordinal);

    /// <summary>Version up to which inbox notices are known to be delivered.</summary>
    public long NoticesDeliveredUpTo { get; private set; }

    /// <summary>Applies one durable event; <paramref name="version"/> is its position in the stream.</summary>
    public CaseState Apply(CaseEvent @event, long version)
    {
        if (@event.CommandId != Guid.Empty)
        {
            DoneCommands.TryAdd(@event.CommandId, version);
        }

        switch (@event)
        {
            case CaseOpened opened:
                Opened = opened;
                Participants[opened.Originator.AgencyId] = new Participant(opened.Originator, ParticipantRole.Originator, opened.At);
                break;
            case MessageSubmitted message:
                foreach (var agency in message.NewParticipants)
                {
                    Participants[agency.AgencyId] = new Participant(agency, ParticipantRole.Recipient, message.At) { Status = RecipientStatus.Delivered };
                }

                Messages[message.MessageId] = new Message(message, version);
                break;
            case ReferralDecided decided:
                Participants[decided.ByAgency].Decide(decided.Decision, decided.At);
                break;
            case ForwardRequested forward:
                PendingForwards[forward.To.AgencyId] = forward;
                break;
            case ConsentDecided consent:
                PendingForwards.Remove(consent.ToAgency);
                break;
            case ParticipantAdded added:
                PendingForwards.Remove(added.Agency.AgencyId);
                Participants[added.Agency.AgencyId] = new Participant(added.Agency, ParticipantRole.Forwarded, added.At) { Status = RecipientStatus.Delivered };
                break;
            case RewrapAdded rewrap:
                Messages[rewrap.MessageId].Rewraps[rewrap.Recipient.AgencyId] = new Rewrap(rewrap, version);
                break;
            case HoldPlaced hold:
                ActiveHold = new Hold(hold.ByAgency, hold.Until, hold.Reason, ActiveHold?.ByAgency == hold.ByAgency ? ActiveHold.PlacedAt : hold.At);
                LastHold = ActiveHold;
                Takedown = TakedownStatus.Held;
                break;
            case HoldLifted:
                ActiveHold = null;
                Takedown = TakedownStatus.Cleared;
                break;
            case TakedownRecorded step:
                ApplyTakedown(step);
                break;
            case OutcomeRecorded outcome:
                Outcomes.Add(outcome);
                break;
            case NoticesDelivered delivered:
                NoticesDeliveredUpTo = Math.Max(NoticesDeliveredUpTo, delivered.UpToVersion);
                break;
            case HoldExpired:
                ActiveHold = null;
                Takedown = TakedownStatus.Cleared;
                break;
            case SlaBreached breach:
                Escalated.Add(breach.AgencyId);
                break;
            case AttachmentStored stored:
                Attachments[stored.AttachmentId] = stored;
                break;
            case EnvelopeFetched or AuditExported or AttachmentFetched:
                break;
            default:
                throw new InvalidDataException($"Unhandled case event {@event.GetType().Name}.");
        }

        return this;
    }

    /// <summary>The hold in force at <paramref name="now"/>: an expired hold no longer blocks the notice.</summary>
    public Hold? HoldAt(DateTimeOffset now) => ActiveHold is { } hold && hold.Until > now ? hold : null;

    /// <summary>When each recipient that has not acknowledged must do so (urgent cases only; escalated ones excluded).</summary>
    public IEnumerable<(string AgencyId, DateTimeOffset Deadline)> OpenAcknowledgementDeadlines() =>
        Opened?.Priority != Priority.Urgent
            ? []
            : Participants.Values
                .Where(p => p.Status == RecipientStatus.Delivered && p.Agency.AckSlaMinutes > 0 && !Escalated.Contains(p.Agency.AgencyId))
                .Select(p => (p.Agency.AgencyId, p.JoinedAt.AddMinutes(p.Agency.AckSlaMinutes)));

    /// <summary>The takedown status as of <paramref name="now"/> (a lapsed hold reads as cleared).</summary>
    public TakedownStatus TakedownAt(DateTimeOffset now) =>
        Takedown == TakedownStatus.Held && HoldAt(now) is null ? TakedownStatus.Cleared : Takedown;

    private void ApplyTakedown(TakedownRecorded step)
    {
        ActiveHold = null;
        switch (step.Step)
        {
            case TakedownStep.NoticeSent:
                Takedown = TakedownStatus.NoticeSent;
                NoticeSentAt = step.At;
                break;
            case TakedownStep.Removed:
                Takedown = TakedownStatus.Removed;
                TakedownClosedAt = step.At;
                break;
            default:
                Takedown = TakedownStatus.NotRemoved;
                TakedownClosedAt = step.At;
                break;
        }
    }

    /// <summary>An agency taking part in the case.</summary>
    public sealed class Participant(CaseAgency agency, ParticipantRole role, DateTimeOffset joinedAt)
    {
        public CaseAgency Agency { get; } = agency;

        public ParticipantRole Role { get; } = role;

        public DateTimeOffset JoinedAt { get; } = joinedAt;

        public RecipientStatus? Status { get; set; }

        public DateTimeOffset? AcknowledgedAt { get; private set; }

        public DateTimeOffset? DecidedAt { get; private set; }

        public void Decide(RecipientStatus decision, DateTimeOffset at)
        {
            AcknowledgedAt ??= at;
            if (decision != RecipientStatus.Acknowledged)
            {
                DecidedAt ??= at;
            }

            Status = decision;
        }
    }

    /// <summary>A stored sealed message and the re-wraps made for agencies added later.</summary>
    /// <param name="submitted">The event that stored it.</param>
    /// <param name="version">That event's version: the journal finds the envelope's bytes through it.</param>
    public sealed class Message(MessageSubmitted submitted, long version)
    {
        public MessageSubmitted Submitted { get; } = submitted;

        /// <summary>The version of <see cref="Submitted"/>, whose append carried the envelope's header and payload.</summary>
        public long Version { get; } = version;

        public Dictionary<string, Rewrap> Rewraps { get; } = new(StringComparer.Ordinal);

        public bool ReadableBy(string agencyId) =>
            Submitted.Recipients.Any(r => r.AgencyId == agencyId) || Rewraps.ContainsKey(agencyId);
    }

    /// <summary>A re-wrap for an added agency, and the version of its event, whose append carried the re-wrapped headers.</summary>
    public sealed record Rewrap(RewrapAdded Added, long Version);

    /// <summary>A takedown hold.</summary>
    public sealed record Hold(string ByAgency, DateTimeOffset Until, HoldReason Reason, DateTimeOffset PlacedAt);
}

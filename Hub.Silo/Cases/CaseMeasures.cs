using Hub.Contracts.Cases;
using Hub.Contracts.Stats;

namespace Hub.Silo.Cases;

/// <summary>The measurements a case event yields (DESIGN §8), read from the state right after the event was applied.</summary>
internal static class CaseMeasures
{
    public static IReadOnlyList<CaseMeasure> For(CaseEvent @event, CaseState state)
    {
        var reportedAt = state.Opened!.ReportedAt;
        CaseMeasure Measure(Hop hop, string agency, TimeSpan duration) =>
            new(hop, agency, state.Participants[agency].Agency.Country, Math.Max(0, duration.TotalSeconds), @event.At);

        switch (@event)
        {
            case ReferralDecided decided:
                var participant = state.Participants[decided.ByAgency];
                var measures = new List<CaseMeasure>(2);
                if (participant.AcknowledgedAt == decided.At)
                {
                    measures.Add(Measure(Hop.Acknowledge, decided.ByAgency, decided.At - participant.JoinedAt));
                }

                if (decided.Decision != RecipientStatus.Acknowledged && participant.DecidedAt == decided.At)
                {
                    measures.Add(Measure(Hop.Decide, decided.ByAgency, decided.At - participant.JoinedAt));
                }

                return measures;
            case TakedownRecorded { Step: TakedownStep.NoticeSent } notice:
                return [Measure(Hop.Notice, notice.ByAgency, notice.At - reportedAt)];
            case TakedownRecorded { Step: TakedownStep.Removed } removed:
                return [Measure(Hop.Removal, removed.ByAgency, removed.At - reportedAt)];
            case HoldLifted lifted when state.LastHold is { } hold:
                return [Measure(Hop.Hold, hold.ByAgency, lifted.At - hold.PlacedAt)];
            case HoldExpired when state.LastHold is { } hold:
                return [Measure(Hop.Hold, hold.ByAgency, hold.Until - hold.PlacedAt)];
            case OutcomeRecorded { Outcome: CaseOutcome.VictimIdentified } victims:
                return [new CaseMeasure(null, victims.ByAgency, state.Participants[victims.ByAgency].Agency.Country, 0, victims.At, victims.Victims)];
            default:
                return [];
        }
    }
}

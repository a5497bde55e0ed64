using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;

namespace Hub.Silo.Cases;

/// <summary>Which agencies' inboxes hear of a case event, and as what. The actor's own agency is never told about its own act.</summary>
internal static class CaseNotices
{
    public static IEnumerable<(string AgencyId, InboxItemKind Kind)> For(CaseEvent @event, CaseState state)
    {
        IEnumerable<string> OthersThan(string agency) => state.Participants.Keys.Where(a => a != agency);

        return @event switch
        {
            MessageSubmitted m => m.Recipients
                .Where(r => r.AgencyId != m.ByAgency)
                .Select(r => (r.AgencyId, m.NewParticipants.Any(p => p.AgencyId == r.AgencyId) ? InboxItemKind.ReferralReceived : InboxItemKind.MessageReceived)),
            ForwardRequested f when state.Opened!.ByAgency != f.ByAgency => [(state.Opened.ByAgency, InboxItemKind.ForwardRequested)],
            RewrapAdded r => [(r.Recipient.AgencyId, InboxItemKind.ReferralReceived)],
            ReferralDecided or ConsentDecided => OthersThan(@event.ByAgency).Select(a => (a, InboxItemKind.StatusChanged)),
            ParticipantAdded => OthersThan(@event.ByAgency).Select(a => (a, InboxItemKind.ParticipantAdded)),
            HoldExpired => state.Participants.Keys.Select(a => (a, InboxItemKind.HoldChanged)),
            SlaBreached b => state.Participants.Values
                .Where(p => p.Role == ParticipantRole.Originator || p.Agency.Kind == AgencyKind.LiaisonPoint || p.Agency.AgencyId == b.AgencyId)
                .Select(p => (p.Agency.AgencyId, InboxItemKind.Escalated)),
            HoldPlaced or HoldLifted => OthersThan(@event.ByAgency).Select(a => (a, InboxItemKind.HoldChanged)),
            TakedownRecorded => OthersThan(@event.ByAgency).Select(a => (a, InboxItemKind.TakedownChanged)),
            OutcomeRecorded => OthersThan(@event.ByAgency).Select(a => (a, InboxItemKind.OutcomeRecorded)),
            _ => [],
        };
    }
}

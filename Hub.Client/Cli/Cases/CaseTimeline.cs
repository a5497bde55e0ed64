using Hub.Client.Wire;

namespace Hub.Cli.Cases;

/// <summary>What happened on a case, oldest first, from the case as the viewer's agency sees it.</summary>
internal static class CaseTimeline
{
    public static IEnumerable<(DateTimeOffset At, string What)> Of(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var events = new List<(DateTimeOffset At, string What)>
        {
            (view.ReportedAt, "reported to the originator"),
            (view.OpenedAt, $"opened by {view.Originator}"),
        };
        foreach (var p in view.Participants.Where(p => p.Role != ParticipantRole.Originator))
        {
            events.Add((p.JoinedAt, $"{p.AgencyId} joined ({p.Role})"));
            if (p.AcknowledgedAt is { } ack)
            {
                events.Add((ack, $"{p.AgencyId} acknowledged"));
            }

            if (p.DecidedAt is { } decided && p.Status is { } status)
            {
                events.Add((decided, $"{p.AgencyId}: {status}"));
            }
        }

        events.AddRange(view.PendingForwards.Select(f => (f.At, $"{f.RequestedBy} asked to forward to {f.ToAgency}")));
        events.AddRange(view.Messages.Select(m => (m.At, $"{m.Kind} from {m.FromAgency} to {string.Join(", ", m.Recipients.Where(r => r != m.FromAgency))}")));
        var t = view.Takedown;
        if (t.NoticeSentAt is { } notice)
        {
            events.Add((notice, "takedown notice sent"));
        }

        if (t.ClosedAt is { } closed)
        {
            events.Add((closed, $"takedown: {t.Status}"));
        }

        events.AddRange(view.Outcomes.Select(o => (o.At, $"{o.Outcome} ({o.ByAgency})")));
        return events.OrderBy(e => e.At);
    }
}

using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;

namespace Hub.Silo.Cases;

/// <summary>Builds what one participant agency may see of a case.</summary>
internal static class CaseViews
{
    public static CaseView For(Guid caseId, CaseState state, string viewerAgency, DateTimeOffset now, long version)
    {
        var opened = state.Opened!;
        var viewer = state.Participants[viewerAgency];
        return new CaseView(
            caseId,
            opened.Originator.AgencyId,
            opened.Priority,
            opened.Category,
            opened.HostingCountry,
            opened.Handling,
            opened.ReportedAt,
            opened.At,
            [.. state.Participants.Values.OrderBy(p => p.JoinedAt).Select(p => new ParticipantView(p.Agency.AgencyId, p.Role, p.Status, p.JoinedAt, p.AcknowledgedAt, p.DecidedAt))],
            [.. state.Messages.Values.OrderBy(m => m.Submitted.At).Select(m => new MessageView(
                m.Submitted.MessageId, m.Submitted.Kind, m.Submitted.ByAgency, m.Submitted.At,
                [.. m.Submitted.Recipients.Select(r => r.AgencyId).Concat(m.Rewraps.Keys)], m.Submitted.PayloadBytes, m.ReadableBy(viewerAgency)))],
            Takedown(state, viewer, now),
            [.. state.Outcomes.Select(o => new OutcomeView(o.Outcome, o.ByAgency, o.At, o.Victims))],
            [.. state.PendingForwards.Values.Select(f => new PendingForwardView(f.To.AgencyId, f.ByAgency, f.At))],
            version);
    }

    /// <summary>
    /// Law-enforcement participants see who holds and why (reason class); hotlines see only that the case is
    /// held, until when, and by what kind of agency in which country, so nothing tips off an investigation.
    /// </summary>
    private static TakedownView Takedown(CaseState state, CaseState.Participant viewer, DateTimeOffset now)
    {
        var hold = state.HoldAt(now);
        var lawEnforcement = viewer.Agency.Kind is AgencyKind.PoliceUnit or AgencyKind.LiaisonPoint;
        string? heldBy = null;
        if (hold is not null)
        {
            var holder = state.Participants[hold.ByAgency].Agency;
            heldBy = lawEnforcement ? holder.AgencyId : $"{holder.Kind}/{holder.Country}";
        }

        TimeSpan? reportToRemoval = state.Takedown == TakedownStatus.Removed ? state.TakedownClosedAt - state.Opened!.ReportedAt : null;
        return new TakedownView(
            state.TakedownAt(now), hold?.Until, heldBy, lawEnforcement ? hold?.Reason : null, state.NoticeSentAt, state.TakedownClosedAt, reportToRemoval);
    }
}

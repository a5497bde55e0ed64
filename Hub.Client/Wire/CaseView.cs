namespace Hub.Client.Wire;

/// <summary>A case as the caller's agency may see it: routing metadata only (<c>GET /api/cases/{id}</c>).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Originator">The originating agency.</param>
/// <param name="Priority">Priority.</param>
/// <param name="Category">Category.</param>
/// <param name="HostingCountry">Hosting country.</param>
/// <param name="Handling">Handling codes.</param>
/// <param name="ReportedAt">Report time.</param>
/// <param name="OpenedAt">Open time.</param>
/// <param name="Participants">Taking part.</param>
/// <param name="Messages">Sealed messages.</param>
/// <param name="Takedown">Takedown track.</param>
/// <param name="Outcomes">Outcomes.</param>
/// <param name="PendingForwards">Forwards awaiting consent.</param>
/// <param name="Version">The case's version.</param>
public sealed record CaseView(
    Guid CaseId,
    string Originator,
    Priority Priority,
    CaseCategory Category,
    string HostingCountry,
    CaseHandling Handling,
    DateTimeOffset ReportedAt,
    DateTimeOffset OpenedAt,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<MessageView> Messages,
    TakedownView Takedown,
    IReadOnlyList<OutcomeView> Outcomes,
    IReadOnlyList<PendingForwardView> PendingForwards,
    long Version);

namespace Hub.Client.Wire;

/// <summary>The takedown track. Hotlines see the holder only as kind and country, and no reason.</summary>
/// <param name="Status">Where the takedown stands.</param>
/// <param name="HeldUntil">End of an active hold.</param>
/// <param name="HeldBy">The holder, e.g. <c>PoliceUnit/NL</c> for hotlines.</param>
/// <param name="Reason">Reason class (law enforcement only).</param>
/// <param name="NoticeSentAt">When the notice went out.</param>
/// <param name="ClosedAt">When removal (or not) was recorded.</param>
/// <param name="ReportToRemoval">Time from report to removal.</param>
public sealed record TakedownView(
    TakedownStatus Status,
    DateTimeOffset? HeldUntil,
    string? HeldBy,
    HoldReason? Reason,
    DateTimeOffset? NoticeSentAt,
    DateTimeOffset? ClosedAt,
    TimeSpan? ReportToRemoval);

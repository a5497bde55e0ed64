namespace Hub.Client.Wire;

/// <summary>What the live hub pushes (<c>InboxChanged</c>): a hint to fetch, never content.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="Seq">The new entry's sequence number.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Kind">What changed.</param>
public sealed record InboxPush(
    string AgencyId,
    long Seq,
    Guid CaseId,
    InboxItemKind Kind);

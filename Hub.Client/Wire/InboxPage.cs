namespace Hub.Client.Wire;

/// <summary>A page of inbox entries; <see cref="More"/> says another page may follow right away.</summary>
/// <param name="AgencyId">The caller's agency.</param>
/// <param name="Items">Entries, oldest first.</param>
/// <param name="More">Whether to read on.</param>
public sealed record InboxPage(
    string AgencyId,
    IReadOnlyList<InboxItem> Items,
    bool More);

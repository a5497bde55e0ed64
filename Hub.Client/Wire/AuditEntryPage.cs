namespace Hub.Client.Wire;

/// <summary>A page of a stream's entries (<c>GET …/audit/entries</c>).</summary>
/// <param name="StreamVersion">The stream's version when read: more entries follow when the last one's version is below it.</param>
/// <param name="Entries">The entries, in version order.</param>
public sealed record AuditEntryPage(long StreamVersion, IReadOnlyList<AuditEntry> Entries);

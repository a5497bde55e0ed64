namespace Hub.Contracts.Audit;

/// <summary>A page of a case stream's entries.</summary>
/// <param name="StreamVersion">The stream's version when read: more entries follow when the last one's version is below it.</param>
/// <param name="Entries">The entries, in version order.</param>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Audit.AuditEntryPage")]
public sealed record AuditEntryPage(
    [property: Id(0)] long StreamVersion,
    [property: Id(1)] IReadOnlyList<AuditEntry> Entries);

namespace Hub.Contracts.Audit;

/// <summary>One stream entry as a verifier hashes it.</summary>
/// <param name="Version">Journal version, from 1 (leaf index <c>Version - 1</c>).</param>
/// <param name="Type">Event type name, e.g. <c>case.envelope-fetched.v1</c>.</param>
/// <param name="RecordedAt">When the hub recorded it.</param>
/// <param name="Encoded">Canonical encoding (base64 in JSON); the leaf is <c>SHA-256(0x00 || Encoded)</c>.</param>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Audit.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] byte[] Encoded);

namespace Hub.Client.Wire;

/// <summary>One stream entry as a verifier hashes it.</summary>
/// <param name="Version">Journal version, from 1 (leaf index <c>Version - 1</c>).</param>
/// <param name="Type">Event type name, e.g. <c>agency.device-enrolled.v1</c>.</param>
/// <param name="RecordedAt">When the hub recorded it.</param>
/// <param name="Encoded">Canonical encoding; the leaf is <c>SHA-256(0x00 || Encoded)</c>.</param>
public sealed record AuditEntry(long Version, string Type, DateTimeOffset RecordedAt, byte[] Encoded);

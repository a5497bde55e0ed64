namespace Hub.Contracts.Audit;

/// <summary>An RFC 9162 inclusion or consistency proof.</summary>
/// <param name="From">Inclusion: the entry's version. Consistency: the old tree size.</param>
/// <param name="TreeSize">The tree size the proof leads to.</param>
/// <param name="Hashes">The proof's 32-byte hashes in order (base64 each in JSON).</param>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Audit.AuditProof")]
public sealed record AuditProof(
    [property: Id(0)] long From,
    [property: Id(1)] long TreeSize,
    [property: Id(2)] IReadOnlyList<byte[]> Hashes);

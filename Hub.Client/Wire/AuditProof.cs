namespace Hub.Client.Wire;

/// <summary>An RFC 9162 inclusion or consistency proof (<c>GET …/audit/proof/…</c>).</summary>
/// <param name="From">Inclusion: the entry's version. Consistency: the old tree size.</param>
/// <param name="TreeSize">The tree size the proof leads to.</param>
/// <param name="Hashes">The proof's 32-byte hashes in order.</param>
public sealed record AuditProof(long From, long TreeSize, IReadOnlyList<byte[]> Hashes);

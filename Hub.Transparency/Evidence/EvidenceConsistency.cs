namespace Hub.Transparency.Evidence;

/// <summary>An earlier signed checkpoint and the RFC 9162 consistency proof from it to the bundle's checkpoint.</summary>
/// <param name="Checkpoint">The earlier signed checkpoint note.</param>
/// <param name="Proof">The proof's 32-byte hashes, in order.</param>
public sealed record EvidenceConsistency(string Checkpoint, IReadOnlyList<byte[]> Proof);

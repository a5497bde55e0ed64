namespace Hub.Transparency.Merkle;

/// <summary>
/// Receives the hash of an interior node (level ≥ 1) that an append has just completed,
/// so that a store can persist it for fast proofs (see <see cref="IMerkleNodeSource"/>).
/// </summary>
/// <param name="level">Height of the node: it covers <c>2^level</c> leaves.</param>
/// <param name="index">Position of the node among the nodes of its level.</param>
/// <param name="hash">The 32-byte node hash; only valid during the call.</param>
public delegate void CompletedSubtreeHandler(int level, long index, ReadOnlySpan<byte> hash);

namespace Hub.Transparency.Merkle;

/// <summary>
/// Read access to the stored hashes of one append-only Merkle log: the leaf hashes, and
/// optionally the hashes of complete, aligned power-of-two subtrees.
/// </summary>
/// <remarks>
/// <para>
/// A node is addressed by <c>(level, index)</c>: it is the root of the complete subtree of
/// <c>2^level</c> leaves covering leaf indexes <c>[index · 2^level, (index + 1) · 2^level)</c>.
/// Level 0 nodes are the leaf hashes themselves.
/// </para>
/// <para>
/// Such a node never changes once its last leaf is appended, so a store may persist it the
/// moment <see cref="MerkleAccumulator.Append(ReadOnlySpan{byte}, CompletedSubtreeHandler?)"/>
/// reports it. A source that keeps every level answers proofs with O(log n) reads; one that
/// keeps only leaves is correct but costs O(n) hashing per proof for large logs.
/// </para>
/// </remarks>
public interface IMerkleNodeSource
{
    /// <summary>Number of leaves stored so far.</summary>
    long LeafCount { get; }

    /// <summary>
    /// Writes the 32-byte hash of node <c>(level, index)</c> to <paramref name="destination"/>.
    /// </summary>
    /// <returns>
    /// <see langword="false"/> when the source does not keep that node; callers then compute it from
    /// its children. For level 0 and <c>index &lt; LeafCount</c> a source must return <see langword="true"/>.
    /// </returns>
    bool TryReadNode(int level, long index, Span<byte> destination);
}

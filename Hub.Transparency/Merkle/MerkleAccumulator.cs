// MerkleAccumulator: the right frontier ("compact range") of an RFC 9162 Merkle tree.
//
// A tree of size n is the concatenation of complete subtrees whose sizes are the set bits of n,
// largest first (RFC 9162 §2.1.1 splits at the largest power of two, recursively). Keeping only
// those subtree roots, at most 63 x 32 bytes, is enough to append a leaf (merge equal-sized
// neighbours, like a binary counter carry) and to compute the root at the current size.
namespace Hub.Transparency.Merkle;

/// <summary>
/// Incremental Merkle tree: appends leaf hashes in amortised O(1) (worst case O(log n)) hashes and
/// returns the RFC 9162 root hash at the current size, in O(log n) memory.
/// </summary>
public sealed class MerkleAccumulator
{
    // A long-sized tree has at most 63 complete subtrees on its frontier; one spare slot for the push.
    private const int MaxFrontier = 64;

    private readonly byte[] _frontier = new byte[MaxFrontier * MerkleHash.Size];
    private int _frontierCount;

    /// <summary>Number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// Rebuilds the accumulator of the first <paramref name="size"/> leaves of a stored log,
    /// reading only the O(log n) frontier nodes (or computing them when the source lacks them).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or exceeds the source.</exception>
    public static MerkleAccumulator Restore(IMerkleNodeSource source, long size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, source.LeafCount);

        var accumulator = new MerkleAccumulator();
        long start = 0;
        for (int level = 62; level >= 0; level--)
        {
            long width = 1L << level;
            if ((size & width) != 0)
            {
                SubtreeHasher.Hash(source, start, width, accumulator.Slot(accumulator._frontierCount));
                accumulator._frontierCount++;
                start += width;
            }
        }
        accumulator.Size = size;
        return accumulator;
    }

    /// <summary>Appends one 32-byte leaf hash.</summary>
    /// <param name="leafHash">The leaf hash, <c>SHA-256(0x00 || entry)</c>.</param>
    /// <param name="onCompleted">Told about every interior node this append completes, bottom-up.</param>
    /// <exception cref="ArgumentException"><paramref name="leafHash"/> is not 32 bytes.</exception>
    public void Append(ReadOnlySpan<byte> leafHash, CompletedSubtreeHandler? onCompleted = null)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }
        if (Size == long.MaxValue)
        {
            throw new InvalidOperationException("The tree is full.");
        }

        leafHash.CopyTo(Slot(_frontierCount));
        _frontierCount++;

        // Each trailing 1 bit of the old size is a complete left sibling waiting for this leaf's subtree.
        long index = Size;
        int level = 0;
        while ((index & 1) == 1)
        {
            var left = Slot(_frontierCount - 2);
            MerkleHash.HashChildren(left, Slot(_frontierCount - 1), left);
            _frontierCount--;
            index >>= 1;
            level++;
            onCompleted?.Invoke(level, index, left);
        }
        Size++;
    }

    /// <summary>Writes the root hash at the current size (the empty-tree hash when empty).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void GetRoot(Span<byte> destination)
    {
        if (destination.Length < MerkleHash.Size)
        {
            throw new ArgumentException("Destination must hold 32 bytes.", nameof(destination));
        }
        if (_frontierCount == 0)
        {
            MerkleHash.EmptyTreeRoot.CopyTo(destination);
            return;
        }

        // Fold from the smallest (rightmost) subtree up: MTH(D[n]) = H(left, MTH(rest)).
        Span<byte> root = stackalloc byte[MerkleHash.Size];
        Slot(_frontierCount - 1).CopyTo(root);
        for (int i = _frontierCount - 2; i >= 0; i--)
        {
            MerkleHash.HashChildren(Slot(i), root, root);
        }
        root.CopyTo(destination);
    }

    /// <summary>Returns the root hash at the current size.</summary>
    public byte[] GetRoot()
    {
        var root = new byte[MerkleHash.Size];
        GetRoot(root);
        return root;
    }

    private Span<byte> Slot(int i) => _frontier.AsSpan(i * MerkleHash.Size, MerkleHash.Size);
}

// MerkleProofBuilder: roots, inclusion proofs and consistency proofs of RFC 9162 §2.1.
//
//   root         MTH(D[n])                 §2.1.1   32 bytes
//   inclusion    PATH(m, D[n])             §2.1.3.1 ⌈log2 n⌉ hashes at most
//   consistency  PROOF(m, D[n])            §2.1.4.1 ⌈log2 n⌉ + 1 hashes at most
//
// Proofs are returned as the concatenation of their 32-byte hashes, in the RFC's order
// (from the leaf or the old root upward), which is also their wire form.
namespace Hub.Transparency.Merkle;

/// <summary>Builds RFC 9162 roots and proofs for any tree size of a stored log.</summary>
public static class MerkleProofBuilder
{
    /// <summary>Returns MTH of the first <paramref name="treeSize"/> leaves of the log.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="treeSize"/> is negative or beyond the log.</exception>
    public static byte[] ComputeRoot(IMerkleNodeSource source, long treeSize)
    {
        RequireSize(source, treeSize);
        var root = new byte[MerkleHash.Size];
        if (treeSize == 0)
        {
            MerkleHash.EmptyTreeRoot.CopyTo(root);
        }
        else
        {
            SubtreeHasher.Hash(source, 0, treeSize, root);
        }
        return root;
    }

    /// <summary>
    /// Returns PATH(leafIndex, D[treeSize]): the sibling hashes from the leaf up to the root.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="treeSize"/> is beyond the log, or <paramref name="leafIndex"/> is not in <c>[0, treeSize)</c>.
    /// </exception>
    public static byte[] BuildInclusionProof(IMerkleNodeSource source, long leafIndex, long treeSize)
    {
        RequireSize(source, treeSize);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);

        var proof = new ProofWriter(PathLength(treeSize));
        AppendPath(source, leafIndex, 0, treeSize, ref proof);
        return proof.ToArray();
    }

    /// <summary>
    /// Returns PROOF(oldSize, D[newSize]), which shows that the tree of <paramref name="oldSize"/>
    /// leaves is a prefix of the tree of <paramref name="newSize"/> leaves.
    /// </summary>
    /// <remarks>
    /// RFC 9162 defines the proof for <c>0 &lt; oldSize &lt; newSize</c>; for <c>oldSize == 0</c> or
    /// <c>oldSize == newSize</c> this returns the empty proof, which
    /// <see cref="MerkleProofVerifier.VerifyConsistency"/> accepts for those cases only.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="newSize"/> is beyond the log, or <paramref name="oldSize"/> is not in <c>[0, newSize]</c>.
    /// </exception>
    public static byte[] BuildConsistencyProof(IMerkleNodeSource source, long oldSize, long newSize)
    {
        RequireSize(source, newSize);
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        if (oldSize == 0 || oldSize == newSize)
        {
            return [];
        }

        var proof = new ProofWriter(PathLength(newSize) + 1);
        AppendSubproof(source, oldSize, 0, newSize, oldSizeIsWholeSubtree: true, ref proof);
        return proof.ToArray();
    }

    // PATH(m, D[start : start + n]); siblings are appended after recursing, i.e. bottom-up.
    private static void AppendPath(IMerkleNodeSource source, long m, long start, long n, ref ProofWriter proof)
    {
        if (n == 1)
        {
            return;
        }
        long k = SubtreeHasher.LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            AppendPath(source, m, start, k, ref proof);
            SubtreeHasher.Hash(source, start + k, n - k, proof.Next());
        }
        else
        {
            AppendPath(source, m - k, start + k, n - k, ref proof);
            SubtreeHasher.Hash(source, start, k, proof.Next());
        }
    }

    // SUBPROOF(m, D[start : start + n], b) of RFC 9162 §2.1.4.1.
    private static void AppendSubproof(
        IMerkleNodeSource source, long m, long start, long n, bool oldSizeIsWholeSubtree, ref ProofWriter proof)
    {
        if (m == n)
        {
            // The old tree's root is this very subtree: the verifier already knows it when b is true.
            if (!oldSizeIsWholeSubtree)
            {
                SubtreeHasher.Hash(source, start, n, proof.Next());
            }
            return;
        }
        long k = SubtreeHasher.LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            AppendSubproof(source, m, start, k, oldSizeIsWholeSubtree, ref proof);
            SubtreeHasher.Hash(source, start + k, n - k, proof.Next());
        }
        else
        {
            AppendSubproof(source, m - k, start + k, n - k, oldSizeIsWholeSubtree: false, ref proof);
            SubtreeHasher.Hash(source, start, k, proof.Next());
        }
    }

    private static int PathLength(long treeSize) =>
        treeSize <= 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(treeSize - 1));

    private static void RequireSize(IMerkleNodeSource source, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, source.LeafCount);
    }

    private struct ProofWriter(int capacity)
    {
        private readonly byte[] _buffer = new byte[capacity * MerkleHash.Size];
        private int _count;

        public Span<byte> Next() => _buffer.AsSpan(_count++ * MerkleHash.Size, MerkleHash.Size);

        public readonly byte[] ToArray() =>
            _count * MerkleHash.Size == _buffer.Length ? _buffer : _buffer[..(_count * MerkleHash.Size)];
    }
}

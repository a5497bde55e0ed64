// MerkleProofVerifier: RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) verification.
//
// Inputs come from an untrusted server, so every malformed input (a proof whose length is not a
// multiple of 32 bytes, too short or too long, an index outside the tree, a size that goes
// backwards, a hash of the wrong length) makes verification return false; nothing here throws.
// Proofs are the concatenation of 32-byte hashes as built by MerkleProofBuilder.
namespace Hub.Transparency.Merkle;

/// <summary>Offline verification of RFC 9162 inclusion and consistency proofs.</summary>
public static class MerkleProofVerifier
{
    /// <summary>
    /// Checks that the leaf with hash <paramref name="leafHash"/> is at <paramref name="leafIndex"/> in the
    /// tree of <paramref name="treeSize"/> leaves whose root is <paramref name="rootHash"/>.
    /// </summary>
    public static bool VerifyInclusion(
        ReadOnlySpan<byte> leafHash, long leafIndex, long treeSize, ReadOnlySpan<byte> proof, ReadOnlySpan<byte> rootHash)
    {
        Span<byte> computed = stackalloc byte[MerkleHash.Size];
        return TryComputeRootFromInclusionProof(leafHash, leafIndex, treeSize, proof, computed)
            && computed.SequenceEqual(rootHash);
    }

    /// <summary>
    /// Recomputes the root implied by an inclusion proof (RFC 9162 §2.1.3.2 steps 1–5, without the final
    /// comparison), for callers that compare it against several checkpoints.
    /// </summary>
    /// <returns><see langword="false"/> when the inputs are malformed or the proof has the wrong shape.</returns>
    public static bool TryComputeRootFromInclusionProof(
        ReadOnlySpan<byte> leafHash, long leafIndex, long treeSize, ReadOnlySpan<byte> proof, Span<byte> rootHash)
    {
        if (leafHash.Length != MerkleHash.Size || rootHash.Length < MerkleHash.Size
            || leafIndex < 0 || leafIndex >= treeSize || proof.Length % MerkleHash.Size != 0)
        {
            return false;
        }

        long fn = leafIndex;
        long sn = treeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        for (int offset = 0; offset < proof.Length; offset += MerkleHash.Size)
        {
            var p = proof.Slice(offset, MerkleHash.Size);
            if (sn == 0)
            {
                return false; // more hashes than the path from this leaf to the root
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.HashChildren(p, r, r);
                // The node is the last on its level with no right sibling: climb until it is a right child.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.HashChildren(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return false; // fewer hashes than the path needs
        }
        r.CopyTo(rootHash);
        return true;
    }

    /// <summary>
    /// Checks that the tree of <paramref name="oldSize"/> leaves with root <paramref name="oldRoot"/> is a
    /// prefix of the tree of <paramref name="newSize"/> leaves with root <paramref name="newRoot"/>.
    /// </summary>
    /// <remarks>
    /// Beyond RFC 9162, which covers <c>0 &lt; oldSize &lt; newSize</c>: equal sizes need an empty proof and
    /// equal roots; an old size of 0 needs an empty proof and the empty-tree root; a smaller new size fails.
    /// </remarks>
    public static bool VerifyConsistency(
        long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, ReadOnlySpan<byte> proof)
    {
        if (oldRoot.Length != MerkleHash.Size || newRoot.Length != MerkleHash.Size
            || oldSize < 0 || newSize < oldSize || proof.Length % MerkleHash.Size != 0)
        {
            return false;
        }
        if (oldSize == 0)
        {
            return proof.IsEmpty && oldRoot.SequenceEqual(MerkleHash.EmptyTreeRoot);
        }
        if (oldSize == newSize)
        {
            return proof.IsEmpty && oldRoot.SequenceEqual(newRoot);
        }
        if (proof.IsEmpty)
        {
            return false;
        }

        // Step 2: when the old tree is a complete subtree, its root is the (omitted) first proof element.
        bool oldIsComplete = long.IsPow2(oldSize);
        int count = (proof.Length / MerkleHash.Size) + (oldIsComplete ? 1 : 0);
        ReadOnlySpan<byte> Element(int i, ReadOnlySpan<byte> proof, ReadOnlySpan<byte> oldRoot) =>
            oldIsComplete
                ? (i == 0 ? oldRoot : proof.Slice((i - 1) * MerkleHash.Size, MerkleHash.Size))
                : proof.Slice(i * MerkleHash.Size, MerkleHash.Size);

        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        Element(0, proof, oldRoot).CopyTo(fr);
        Element(0, proof, oldRoot).CopyTo(sr);
        for (int i = 1; i < count; i++)
        {
            var c = Element(i, proof, oldRoot);
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.HashChildren(c, fr, fr);
                MerkleHash.HashChildren(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.HashChildren(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.SequenceEqual(oldRoot) && sr.SequenceEqual(newRoot);
    }
}

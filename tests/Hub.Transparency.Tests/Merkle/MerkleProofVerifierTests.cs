using Hub.Transparency.Merkle;

namespace Hub.Transparency.Tests.Merkle;

/// <summary>Tampered and hostile inputs: every one must make verification return false, never throw.</summary>
public sealed class MerkleProofVerifierTests
{
    private const int MaxSize = 33;
    private static readonly byte[][] Entries = TestData.Entries(MaxSize);
    private static readonly InMemoryMerkleLog Log = BuildLog();

    [Fact]
    public void InclusionProofWithAnyFlippedBitFails()
    {
        for (int size = 2; size <= MaxSize; size++)
        {
            var root = Root(size);
            for (int index = 0; index < size; index++)
            {
                var proof = MerkleProofBuilder.BuildInclusionProof(Log, index, size);
                for (int bit = 0; bit < proof.Length * 8; bit += 3)
                {
                    var tampered = Flip(proof, bit);
                    Assert.False(MerkleProofVerifier.VerifyInclusion(LeafHash(index), index, size, tampered, root));
                }
                Assert.False(MerkleProofVerifier.VerifyInclusion(Flip(LeafHash(index), 0), index, size, proof, root));
                Assert.False(MerkleProofVerifier.VerifyInclusion(LeafHash(index), index, size, proof, Flip(root, 255)));
            }
        }
    }

    [Fact]
    public void InclusionProofAtAWrongIndexFails()
    {
        for (int size = 2; size <= MaxSize; size++)
        {
            for (int index = 0; index < size; index++)
            {
                var proof = MerkleProofBuilder.BuildInclusionProof(Log, index, size);
                for (int other = 0; other < size; other++)
                {
                    if (other != index)
                    {
                        Assert.False(MerkleProofVerifier.VerifyInclusion(LeafHash(index), other, size, proof, Root(size)));
                        Assert.False(MerkleProofVerifier.VerifyInclusion(LeafHash(other), index, size, proof, Root(size)));
                    }
                }
            }
        }
    }

    [Fact]
    public void InclusionProofAgainstAnotherSizesCheckpointFails()
    {
        for (int size = 1; size <= MaxSize; size++)
        {
            for (int index = 0; index < size; index++)
            {
                var proof = MerkleProofBuilder.BuildInclusionProof(Log, index, size);
                for (int other = 1; other <= MaxSize; other++)
                {
                    if (other != size)
                    {
                        Assert.False(MerkleProofVerifier.VerifyInclusion(LeafHash(index), index, other, proof, Root(other)));
                    }
                }
            }
        }
    }

    [Fact]
    public void MalformedInclusionInputsFail()
    {
        const int size = 21;
        const int index = 13;
        var proof = MerkleProofBuilder.BuildInclusionProof(Log, index, size);
        var leaf = LeafHash(index);
        var root = Root(size);
        Assert.True(MerkleProofVerifier.VerifyInclusion(leaf, index, size, proof, root));

        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, size, proof.AsSpan(0, proof.Length - 32), root));       // truncated
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, size, [.. proof, .. root], root)); // extended
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, size, proof.AsSpan(0, proof.Length - 1), root));        // not 32-byte aligned
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, size, [], root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, size, size, proof, root));               // index == size
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, -1, size, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, 0, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, -5, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, long.MaxValue, long.MaxValue, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf.AsSpan(0, 31), index, size, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, size, proof, root.AsSpan(0, 31)));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leaf, index, size, new byte[64 * 32], root));   // absurdly long
    }

    [Fact]
    public void ConsistencyProofWithAnyFlippedBitFails()
    {
        for (int newSize = 2; newSize <= MaxSize; newSize++)
        {
            for (int oldSize = 1; oldSize < newSize; oldSize++)
            {
                var proof = MerkleProofBuilder.BuildConsistencyProof(Log, oldSize, newSize);
                for (int bit = 0; bit < proof.Length * 8; bit += 5)
                {
                    Assert.False(MerkleProofVerifier.VerifyConsistency(oldSize, newSize, Root(oldSize), Root(newSize), Flip(proof, bit)));
                }
                Assert.False(MerkleProofVerifier.VerifyConsistency(oldSize, newSize, Flip(Root(oldSize), 7), Root(newSize), proof));
                Assert.False(MerkleProofVerifier.VerifyConsistency(oldSize, newSize, Root(oldSize), Flip(Root(newSize), 7), proof));
            }
        }
    }

    [Fact]
    public void ConsistencyProofForOtherSizesFails()
    {
        for (int newSize = 2; newSize <= MaxSize; newSize++)
        {
            for (int oldSize = 1; oldSize < newSize; oldSize++)
            {
                var proof = MerkleProofBuilder.BuildConsistencyProof(Log, oldSize, newSize);
                // Size regression: the same proof read backwards.
                Assert.False(MerkleProofVerifier.VerifyConsistency(newSize, oldSize, Root(newSize), Root(oldSize), proof));
                for (int other = 1; other <= MaxSize; other++)
                {
                    if (other != oldSize && other < newSize)
                    {
                        Assert.False(MerkleProofVerifier.VerifyConsistency(other, newSize, Root(other), Root(newSize), proof));
                    }
                    if (other != newSize && other > oldSize)
                    {
                        Assert.False(MerkleProofVerifier.VerifyConsistency(oldSize, other, Root(oldSize), Root(other), proof));
                    }
                }
            }
        }
    }

    [Fact]
    public void MalformedConsistencyInputsFail()
    {
        var proof = MerkleProofBuilder.BuildConsistencyProof(Log, 7, 20);
        Assert.True(MerkleProofVerifier.VerifyConsistency(7, 20, Root(7), Root(20), proof));

        Assert.False(MerkleProofVerifier.VerifyConsistency(7, 20, Root(7), Root(20), []));
        Assert.False(MerkleProofVerifier.VerifyConsistency(7, 20, Root(7), Root(20), proof.AsSpan(0, proof.Length - 32)));
        Assert.False(MerkleProofVerifier.VerifyConsistency(7, 20, Root(7), Root(20), [.. proof, .. Root(20)]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(7, 20, Root(7), Root(20), proof.AsSpan(0, proof.Length - 1)));
        Assert.False(MerkleProofVerifier.VerifyConsistency(-7, 20, Root(7), Root(20), proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(7, -20, Root(7), Root(20), proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(7, 20, Root(7).AsSpan(0, 31), Root(20), proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(7, 20, Root(7), Root(20).AsSpan(0, 31), proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(7, long.MaxValue, Root(7), Root(20), proof));
        // Equal sizes need equal roots and an empty proof; the empty tree needs the empty root.
        Assert.False(MerkleProofVerifier.VerifyConsistency(20, 20, Root(7), Root(20), []));
        Assert.False(MerkleProofVerifier.VerifyConsistency(20, 20, Root(20), Root(20), Root(20)));
        Assert.False(MerkleProofVerifier.VerifyConsistency(0, 20, Root(7), Root(20), []));
        Assert.False(MerkleProofVerifier.VerifyConsistency(0, 20, MerkleHash.EmptyTreeRoot, Root(20), Root(20)));
    }

    private static byte[] Root(int size) => ReferenceMerkleTree.Mth(Entries[..size]);

    private static byte[] LeafHash(int index) => ReferenceMerkleTree.LeafHash(Entries[index]);

    private static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = bytes.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static InMemoryMerkleLog BuildLog()
    {
        var log = new InMemoryMerkleLog();
        foreach (var entry in Entries)
        {
            log.AppendEntry(entry);
        }
        return log;
    }
}

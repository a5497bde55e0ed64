using Hub.Transparency.Merkle;

namespace Hub.Transparency.Tests.Merkle;

public sealed class MerkleProofBuilderTests
{
    private const int MaxSize = 70;
    private static readonly byte[][] Entries = TestData.Entries(MaxSize);

    public static TheoryData<string> Sources => new() { "all levels", "leaves only" };

    [Theory]
    [MemberData(nameof(Sources))]
    public void RootsMatchTheReferenceForEverySize(string sourceKind)
    {
        var source = CreateSource(sourceKind);
        for (int size = 0; size <= MaxSize; size++)
        {
            Assert.Equal(ReferenceMerkleTree.Mth(Entries[..size]), MerkleProofBuilder.ComputeRoot(source, size));
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void InclusionProofsMatchTheReferenceAndVerifyForEveryIndexAndSize(string sourceKind)
    {
        var source = CreateSource(sourceKind);
        for (int size = 1; size <= MaxSize; size++)
        {
            var root = ReferenceMerkleTree.Mth(Entries[..size]);
            for (int index = 0; index < size; index++)
            {
                var expected = ReferenceMerkleTree.Concat(ReferenceMerkleTree.Path(index, Entries[..size]));
                var proof = MerkleProofBuilder.BuildInclusionProof(source, index, size);
                Assert.Equal(expected, proof);
                Assert.True(MerkleProofVerifier.VerifyInclusion(ReferenceMerkleTree.LeafHash(Entries[index]), index, size, proof, root));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void ConsistencyProofsMatchTheReferenceAndVerifyForEveryPairOfSizes(string sourceKind)
    {
        var source = CreateSource(sourceKind);
        for (int newSize = 1; newSize <= MaxSize; newSize++)
        {
            var newRoot = ReferenceMerkleTree.Mth(Entries[..newSize]);
            for (int oldSize = 1; oldSize < newSize; oldSize++)
            {
                var expected = ReferenceMerkleTree.Concat(ReferenceMerkleTree.Proof(oldSize, Entries[..newSize]));
                var proof = MerkleProofBuilder.BuildConsistencyProof(source, oldSize, newSize);
                Assert.Equal(expected, proof);
                Assert.True(MerkleProofVerifier.VerifyConsistency(
                    oldSize, newSize, ReferenceMerkleTree.Mth(Entries[..oldSize]), newRoot, proof));
            }
        }
    }

    [Fact]
    public void ConsistencyFromEmptyOrToTheSameSizeIsTheEmptyProof()
    {
        var source = CreateSource("all levels");
        for (int size = 0; size <= MaxSize; size++)
        {
            var root = ReferenceMerkleTree.Mth(Entries[..size]);
            Assert.Empty(MerkleProofBuilder.BuildConsistencyProof(source, 0, size));
            Assert.Empty(MerkleProofBuilder.BuildConsistencyProof(source, size, size));
            Assert.True(MerkleProofVerifier.VerifyConsistency(0, size, MerkleHash.EmptyTreeRoot, root, []));
            Assert.True(MerkleProofVerifier.VerifyConsistency(size, size, root, root, []));
        }
    }

    [Fact]
    public void MisuseThrowsArgumentException()
    {
        var source = CreateSource("all levels");
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofBuilder.ComputeRoot(source, MaxSize + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofBuilder.ComputeRoot(source, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofBuilder.BuildInclusionProof(source, 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofBuilder.BuildInclusionProof(source, -1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofBuilder.BuildInclusionProof(source, 0, MaxSize + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofBuilder.BuildConsistencyProof(source, 6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofBuilder.BuildConsistencyProof(source, 1, MaxSize + 1));
        Assert.Throws<ArgumentNullException>(() => MerkleProofBuilder.ComputeRoot(null!, 0));
    }

    private static IMerkleNodeSource CreateSource(string kind)
    {
        if (kind == "leaves only")
        {
            return new LeafOnlyNodeSource(Entries.Select(ReferenceMerkleTree.LeafHash).ToList());
        }
        var log = new InMemoryMerkleLog();
        foreach (var entry in Entries)
        {
            log.AppendEntry(entry);
        }
        return log;
    }
}

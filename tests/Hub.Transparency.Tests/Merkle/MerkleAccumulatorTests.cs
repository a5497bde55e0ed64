using Hub.Transparency.Merkle;

namespace Hub.Transparency.Tests.Merkle;

public sealed class MerkleAccumulatorTests
{
    private const int MaxSize = 70;

    [Fact]
    public void RootMatchesTheReferenceAtEverySize()
    {
        var entries = TestData.Entries(MaxSize);
        var accumulator = new MerkleAccumulator();
        Assert.Equal(ReferenceMerkleTree.Mth([]), accumulator.GetRoot());
        for (int size = 1; size <= MaxSize; size++)
        {
            accumulator.Append(MerkleHash.HashLeaf(entries[size - 1]));
            Assert.Equal(size, accumulator.Size);
            Assert.Equal(ReferenceMerkleTree.Mth(entries[..size]), accumulator.GetRoot());
        }
    }

    [Fact]
    public void CompletedSubtreesAreReportedOnceWithTheirReferenceHashes()
    {
        var entries = TestData.Entries(MaxSize);
        var accumulator = new MerkleAccumulator();
        var reported = new List<(int Level, long Index, byte[] Hash)>();
        foreach (var entry in entries)
        {
            accumulator.Append(MerkleHash.HashLeaf(entry), (level, index, hash) => reported.Add((level, index, hash.ToArray())));
        }

        // Every complete aligned subtree of 2..64 leaves inside 70 leaves: 35 + 17 + 8 + 4 + 2 + 1.
        Assert.Equal(67, reported.Count);
        Assert.Equal(reported.Count, reported.Select(r => (r.Level, r.Index)).Distinct().Count());
        foreach (var (level, index, hash) in reported)
        {
            int width = 1 << level;
            Assert.Equal(ReferenceMerkleTree.Mth(entries[(int)(index * width)..(int)((index + 1) * width)]), hash);
        }
    }

    [Fact]
    public void RestoreFromAStoredLogContinuesWithTheSameRoots()
    {
        var entries = TestData.Entries(MaxSize);
        var log = new InMemoryMerkleLog();
        foreach (var entry in entries)
        {
            log.AppendEntry(entry);
        }
        for (int size = 0; size < MaxSize; size++)
        {
            var restored = MerkleAccumulator.Restore(log, size);
            Assert.Equal(ReferenceMerkleTree.Mth(entries[..size]), restored.GetRoot());
            restored.Append(MerkleHash.HashLeaf(entries[size]));
            Assert.Equal(ReferenceMerkleTree.Mth(entries[..(size + 1)]), restored.GetRoot());
        }
    }

    [Fact]
    public void MisuseThrowsArgumentException()
    {
        var accumulator = new MerkleAccumulator();
        Assert.Throws<ArgumentException>(() => accumulator.Append(new byte[31]));
        Assert.Throws<ArgumentException>(() => accumulator.Append(new byte[33]));
        Assert.Throws<ArgumentException>(() => accumulator.GetRoot(new byte[31]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleAccumulator.Restore(new InMemoryMerkleLog(), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleAccumulator.Restore(new InMemoryMerkleLog(), -1));
        Assert.Equal(0, accumulator.Size);
    }
}

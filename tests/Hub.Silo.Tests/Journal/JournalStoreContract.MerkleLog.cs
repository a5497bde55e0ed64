using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Tests.Journal;

/// <summary>The Merkle log half of the contract: tree heads, proofs and checkpoints every store must serve.</summary>
public abstract partial class JournalStoreContract
{
    /// <summary>The stream's log rebuilt independently from its read entries' canonical leaves.</summary>
    protected static async Task<InMemoryMerkleLog> RebuildLogAsync(IJournalStore store, string stream)
    {
        var log = new InMemoryMerkleLog();
        foreach (var entry in await ReadAllAsync(store, stream))
        {
            log.AppendLeafHash(JournalLeaf.ComputeHash(entry));
        }

        return log;
    }

    /// <summary>Appends <paramref name="count"/> entries in appends of varying sizes.</summary>
    protected static async Task AppendManyAsync(IJournalStore store, string stream, int count)
    {
        var version = await store.GetVersionAsync(stream);
        var size = 1;
        while (count > 0)
        {
            var take = Math.Min(size, count);
            version = await store.AppendAsync(stream, version, Enumerable.Range(0, take).Select(i => Entry($"{stream}:{version + i + 1}")).ToArray());
            count -= take;
            size = size % 4 + 1;
        }
    }

    [Fact]
    public async Task ANewStreamHasTheEmptyTreeHead()
    {
        var store = await OpenAsync();

        var head = await store.GetTreeHeadAsync(NewStream());

        Assert.Equal(0, head.Size);
        Assert.Equal(MerkleHash.EmptyTreeRoot.ToArray(), head.RootHash.ToArray());
    }

    [Fact]
    public async Task TheTreeHeadIsTheRfc9162RootOfTheEntriesCanonicalLeaves()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 21);

        var head = await store.GetTreeHeadAsync(stream);

        Assert.Equal(21, head.Size);
        Assert.Equal((await RebuildLogAsync(store, stream)).GetRoot(), head.RootHash.ToArray());
    }

    [Fact]
    public async Task InclusionProofsVerifyForEveryEntryAtEveryLaterTreeSize()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 17);
        var log = await RebuildLogAsync(store, stream);

        for (long size = 1; size <= 17; size++)
        {
            var root = MerkleProofBuilder.ComputeRoot(log, size);
            for (long version = 1; version <= size; version++)
            {
                var proof = await store.GetInclusionProofAsync(stream, version, size);
                var leaf = new byte[MerkleHash.Size];
                log.TryReadNode(0, version - 1, leaf);
                Assert.True(MerkleProofVerifier.VerifyInclusion(leaf, version - 1, size, proof, root), $"entry {version} in tree {size}");
            }
        }
    }

    [Fact]
    public async Task ConsistencyProofsVerifyBetweenEveryPairOfSizes()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 17);
        var log = await RebuildLogAsync(store, stream);

        for (long to = 0; to <= 17; to++)
        {
            for (long from = 0; from <= to; from++)
            {
                var proof = await store.GetConsistencyProofAsync(stream, from, to);
                Assert.True(
                    MerkleProofVerifier.VerifyConsistency(from, to, MerkleProofBuilder.ComputeRoot(log, from), MerkleProofBuilder.ComputeRoot(log, to), proof),
                    $"{from} -> {to}");
            }
        }
    }

    [Fact]
    public async Task ProofsOutsideTheStreamAreRefused()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 3);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetInclusionProofAsync(stream, 0, 3));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetInclusionProofAsync(stream, 3, 2));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetInclusionProofAsync(stream, 1, 4));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetConsistencyProofAsync(stream, 2, 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetConsistencyProofAsync(stream, 1, 4));
    }

    [Fact]
    public async Task TheTreeKeepsGrowingCorrectlyAfterReopeningTheStore()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 11);
        await CloseAllAsync();

        var reopened = await OpenAsync();
        await AppendManyAsync(reopened, stream, 10);

        Assert.Equal((await RebuildLogAsync(reopened, stream)).GetRoot(), (await reopened.GetTreeHeadAsync(stream)).RootHash.ToArray());
    }

    [Fact]
    public async Task CheckpointsAreStoredAndTheLatestIsReturned()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 5);
        var first = await store.GetTreeHeadAsync(stream);
        await store.SaveCheckpointAsync(new JournalCheckpoint(stream, first.Size, first.RootHash, "note at 5\n", default));
        await AppendManyAsync(store, stream, 3);
        var second = await store.GetTreeHeadAsync(stream);
        await store.SaveCheckpointAsync(new JournalCheckpoint(stream, second.Size, second.RootHash, "note at 8\n", default));

        var latest = await store.GetCheckpointAsync(stream);
        var earlier = await store.GetCheckpointAsync(stream, 5);

        Assert.Equal((8L, "note at 8\n"), (latest!.TreeSize, latest.SignedNote));
        Assert.Equal(second.RootHash.ToArray(), latest.RootHash.ToArray());
        Assert.Equal("note at 5\n", earlier!.SignedNote);
        Assert.Null(await store.GetCheckpointAsync(stream, 6));
    }

    [Fact]
    public async Task SavingACheckpointAgainAtTheSameSizeReplacesItsNote()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 2);
        var head = await store.GetTreeHeadAsync(stream);
        await store.SaveCheckpointAsync(new JournalCheckpoint(stream, 2, head.RootHash, "signed\n", default));

        await store.SaveCheckpointAsync(new JournalCheckpoint(stream, 2, head.RootHash, "signed and cosigned\n", default));

        Assert.Equal("signed and cosigned\n", (await store.GetCheckpointAsync(stream))!.SignedNote);
    }

    [Fact]
    public async Task ACheckpointWithAWrongRootABackwardSizeOrBeyondTheStreamIsRefused()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 4);
        var head = await store.GetTreeHeadAsync(stream);
        var rootAt3 = await TreeRootAsync(store, stream, 3);
        await store.SaveCheckpointAsync(new JournalCheckpoint(stream, 4, head.RootHash, "at 4\n", default));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveCheckpointAsync(new JournalCheckpoint(stream, 4, rootAt3, "wrong root\n", default)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveCheckpointAsync(new JournalCheckpoint(stream, 3, rootAt3, "backwards\n", default)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveCheckpointAsync(new JournalCheckpoint(stream, 5, head.RootHash, "beyond\n", default)));
        Assert.Equal("at 4\n", (await store.GetCheckpointAsync(stream))!.SignedNote);
    }

    [Fact]
    public async Task StreamsBeyondTheirLatestCheckpointAreListedForSigning()
    {
        var store = await OpenAsync();
        var signed = $"list/{Guid.NewGuid():N}/a";
        var grown = $"list/{Guid.NewGuid():N}/b";
        var fresh = $"list/{Guid.NewGuid():N}/c";
        foreach (var stream in new[] { signed, grown, fresh })
        {
            await AppendManyAsync(store, stream, 2);
        }

        foreach (var stream in new[] { signed, grown })
        {
            var head = await store.GetTreeHeadAsync(stream);
            await store.SaveCheckpointAsync(new JournalCheckpoint(stream, head.Size, head.RootHash, "signed\n", default));
        }

        await AppendManyAsync(store, grown, 1);

        var listed = await ListAllToCheckpointAsync(store);
        Assert.Contains(grown, listed);
        Assert.Contains(fresh, listed);
        Assert.DoesNotContain(signed, listed);
    }

    [Fact]
    public async Task AReadVerifiesAgainstTheLatestCheckpoint()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await AppendManyAsync(store, stream, 6);
        var head = await store.GetTreeHeadAsync(stream);
        await store.SaveCheckpointAsync(new JournalCheckpoint(stream, head.Size, head.RootHash, "signed\n", default));
        await AppendManyAsync(store, stream, 3);

        Assert.Equal(9, (await ReadAllAsync(store, stream)).Count);
        Assert.Single(await ReadAllAsync(store, stream, after: 8));
    }

    private static async Task<ReadOnlyMemory<byte>> TreeRootAsync(IJournalStore store, string stream, long size) =>
        MerkleProofBuilder.ComputeRoot(await RebuildLogAsync(store, stream), size);

    private static async Task<List<string>> ListAllToCheckpointAsync(IJournalStore store)
    {
        var all = new List<string>();
        string? after = null;
        while (await store.ListStreamsToCheckpointAsync(after, 50) is { Count: > 0 } page)
        {
            all.AddRange(page);
            after = page[^1];
        }

        return all;
    }
}

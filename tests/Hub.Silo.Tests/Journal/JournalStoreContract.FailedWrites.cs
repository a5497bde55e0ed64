using System.Data.Common;

namespace Hub.Silo.Tests.Journal;

/// <summary>A write that fails although its version check passed: it fails alone, whatever was batched with it.</summary>
public abstract partial class JournalStoreContract
{
    /// <summary>Stores a tree node row directly, from another connection, as a damaged or edited database could hold it.</summary>
    protected abstract Task InsertStrayNodeAsync(string stream, int level, long index);

    [Fact]
    public async Task AWriteThatFailsInsideABatchFailsAloneAndTheOthersCommit()
    {
        var store = await OpenAsync();
        var bad = NewStream();
        await store.AppendAsync(NewStream(), 0, [Entry("warm")]);
        // Where the first two entries of `bad` complete the node (1, 0): its insert fails inside the batch's writes.
        await InsertStrayNodeAsync(bad, 1, 0);
        var streams = Enumerable.Range(0, 20).Select(_ => NewStream()).ToArray();

        var failing = store.AppendAsync(bad, 0, [Entry("a"), Entry("b")]);
        var others = streams.Select(s => store.AppendAsync(s, 0, [Entry(s), Entry(s)])).ToArray();

        await Assert.ThrowsAnyAsync<DbException>(() => failing);
        Assert.All(await Task.WhenAll(others), v => Assert.Equal(2, v));
        Assert.Equal(0, await store.GetVersionAsync(bad));
        foreach (var stream in streams)
        {
            Assert.Equal((await RebuildLogAsync(store, stream)).GetRoot(), (await store.GetTreeHeadAsync(stream)).RootHash.ToArray());
        }

        // The store goes on: the next batch commits.
        Assert.Equal(3, await store.AppendAsync(streams[0], 2, [Entry("after")]));
    }
}

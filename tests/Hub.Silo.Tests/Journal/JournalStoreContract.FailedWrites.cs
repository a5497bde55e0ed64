using System.Data.Common;

namespace Hub.Silo.Tests.Journal;

/// <summary>A write that fails although its version check passed: it fails alone, whatever was batched with it.</summary>
public abstract partial class JournalStoreContract
{
    /// <summary>
    /// Edits the database from another connection, as a damaged or edited one could be, so that writing the first two
    /// entries of <paramref name="stream"/> fails although its head is 0.
    /// </summary>
    protected abstract Task BreakWritesOfStreamAsync(string stream);

    [Fact]
    public async Task AWriteThatFailsInsideABatchFailsAloneAndTheOthersCommit()
    {
        var store = await OpenAsync();
        var bad = NewStream();
        await store.AppendAsync(NewStream(), 0, [Entry("warm")]);
        await BreakWritesOfStreamAsync(bad);
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

using System.Text;
using Hub.Silo.Journal;

namespace Hub.Silo.Tests.Journal;

/// <summary>
/// What every <see cref="IJournalStore"/> must do. Each implementation's test class derives from this
/// and says how to open (and reopen) a store on the same durable storage.
/// </summary>
public abstract partial class JournalStoreContract : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _opened = [];

    /// <summary>Opens a store over this test's storage; a second call opens the same storage again.</summary>
    protected abstract Task<IJournalStore> OpenStoreAsync();

    /// <summary>Closes every store opened so far (as a clean process exit would).</summary>
    protected async Task CloseAllAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        _opened.Clear();
    }

    protected async Task<IJournalStore> OpenAsync()
    {
        var store = await OpenStoreAsync();
        if (store is IAsyncDisposable disposable)
        {
            _opened.Add(disposable);
        }

        return store;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await CloseAllAsync();

    protected static PendingEntry Entry(string text) => new("test.v1", Encoding.UTF8.GetBytes(text));

    protected static string NewStream() => $"test/{Guid.NewGuid():N}";

    protected static async Task<List<JournalEntry>> ReadAllAsync(IJournalStore store, string stream, long after = 0)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in store.ReadAsync(stream, after))
        {
            entries.Add(entry);
        }

        return entries;
    }

    [Fact]
    public async Task NewStreamIsEmptyAtVersionZero()
    {
        var store = await OpenAsync();
        var stream = NewStream();

        Assert.Equal(0, await store.GetVersionAsync(stream));
        Assert.Empty(await ReadAllAsync(store, stream));
    }

    [Fact]
    public async Task AppendsGetConsecutiveVersionsFromOneAndReadBackInOrder()
    {
        var store = await OpenAsync();
        var stream = NewStream();

        Assert.Equal(2, await store.AppendAsync(stream, 0, [Entry("a"), Entry("b")]));
        Assert.Equal(3, await store.AppendAsync(stream, 2, [Entry("c")]));

        var entries = await ReadAllAsync(store, stream);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Version));
        Assert.Equal(["a", "b", "c"], entries.Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
        Assert.All(entries, e => Assert.Equal("test.v1", e.Type));
        Assert.Equal(3, await store.GetVersionAsync(stream));
    }

    [Fact]
    public async Task ReadAfterAVersionSkipsEarlierEntries()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [Entry("a"), Entry("b"), Entry("c")]);

        var entries = await ReadAllAsync(store, stream, after: 2);

        Assert.Equal("c", Encoding.UTF8.GetString(Assert.Single(entries).Payload.Span));
    }

    [Fact]
    public async Task AppendAtAStaleVersionConflictsAndWritesNothing()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [Entry("first")]);

        var conflict = await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(stream, 0, [Entry("late"), Entry("later")]));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(["first"], (await ReadAllAsync(store, stream)).Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
    }

    [Fact]
    public async Task AppendAheadOfTheStreamConflicts()
    {
        var store = await OpenAsync();
        var stream = NewStream();

        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(stream, 5, [Entry("gap")]));
        Assert.Equal(0, await store.GetVersionAsync(stream));
    }

    [Fact]
    public async Task ConcurrentWritersAtTheSameVersionExactlyOneWins()
    {
        var store = await OpenAsync();
        var stream = NewStream();

        var attempts = Enumerable.Range(0, 20).Select(i => store.AppendAsync(stream, 0, [Entry($"w{i}")])).ToArray();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                await t;
                return true;
            }
            catch (JournalConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Single(await ReadAllAsync(store, stream));
    }

    [Fact]
    public async Task ManyStreamsAppendedConcurrentlyKeepEachStreamGapFree()
    {
        var store = await OpenAsync();
        var streams = Enumerable.Range(0, 8).Select(_ => NewStream()).ToArray();

        await Task.WhenAll(streams.Select(async stream =>
        {
            for (var v = 0; v < 25; v++)
            {
                await store.AppendAsync(stream, v, [Entry($"{stream}:{v + 1}")]);
            }
        }));

        foreach (var stream in streams)
        {
            var entries = await ReadAllAsync(store, stream);
            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), entries.Select(e => e.Version));
            Assert.Equal(entries.Select(e => $"{stream}:{e.Version}"), entries.Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
        }
    }

    [Fact]
    public async Task AConflictInOneAppendDoesNotFailOthersCommittedWithIt()
    {
        var store = await OpenAsync();
        var busy = NewStream();
        var calm = NewStream();
        await store.AppendAsync(busy, 0, [Entry("x")]);

        var bad = store.AppendAsync(busy, 0, [Entry("stale")]);
        var good = store.AppendAsync(calm, 0, [Entry("fine")]);

        await Assert.ThrowsAsync<JournalConflictException>(() => bad);
        Assert.Equal(1, await good);
    }

    [Fact]
    public async Task AcknowledgedEntriesSurviveReopeningTheStore()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [Entry("kept"), Entry("also kept")]);
        await CloseAllAsync();

        var reopened = await OpenAsync();

        Assert.Equal(2, await reopened.GetVersionAsync(stream));
        Assert.Equal(["kept", "also kept"], (await ReadAllAsync(reopened, stream)).Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
        Assert.Equal(3, await reopened.AppendAsync(stream, 2, [Entry("after reopen")]));
    }

    [Fact]
    public async Task MisuseIsRefusedWithArgumentErrors()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync("", 0, [Entry("a")]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync(NewStream(), -1, [Entry("a")]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync(NewStream(), 0, []));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync(new string('s', 201), 0, [Entry("a")]));
    }

    [Fact]
    public async Task PayloadBytesRoundTripExactly()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        await store.AppendAsync(stream, 0, [new PendingEntry("blob.v1", bytes)]);

        Assert.Equal(bytes, (await ReadAllAsync(store, stream)).Single().Payload.ToArray());
    }

    [Fact]
    public async Task PingAnswersTrueWhenOpen()
    {
        var store = await OpenAsync();

        Assert.True(await store.PingAsync());
    }
}

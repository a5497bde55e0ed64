using System.Text;
using Hub.Silo.Journal;

namespace Hub.Silo.Tests.Journal;

/// <summary>Blobs that ride in an append: durable with its entries, or not written at all.</summary>
public abstract partial class JournalStoreContract
{
    [Fact]
    public async Task BlobsGivenWithAnAppendAreStoredUnderTheirDigestsWithTheEntries()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        var header = PendingBlob.Of(Encoding.UTF8.GetBytes($"header {stream}"));
        var payload = PendingBlob.Of(Encoding.UTF8.GetBytes($"payload {stream}"));

        Assert.Equal(1, await store.AppendAsync(stream, 0, [Entry(header.Digest)], [header, payload]));

        Assert.Equal(header.Bytes.ToArray(), await store.GetBlobAsync(header.Digest));
        Assert.Equal(payload.Bytes.ToArray(), await store.GetBlobAsync(payload.Digest));
        Assert.Equal(header.Digest, Encoding.UTF8.GetString(Assert.Single(await ReadAllAsync(store, stream)).Payload.Span));
    }

    [Fact]
    public async Task BlobsOfARefusedAppendAreNotStored()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [Entry("first")]);
        var orphan = PendingBlob.Of(Encoding.UTF8.GetBytes($"orphan {stream}"));

        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(stream, 0, [Entry("late")], [orphan]));

        Assert.Null(await store.GetBlobAsync(orphan.Digest));
        Assert.Equal(1, await store.GetVersionAsync(stream));
    }

    [Fact]
    public async Task ABlobStoredTwiceIsKeptOnceAndSurvivesReopening()
    {
        var store = await OpenAsync();
        var blob = PendingBlob.Of(Encoding.UTF8.GetBytes($"shared {Guid.NewGuid()}"));

        await store.AppendAsync(NewStream(), 0, [Entry("a")], [blob]);
        await store.AppendAsync(NewStream(), 0, [Entry("b")], [blob, blob]);
        await CloseAllAsync();
        var reopened = await OpenAsync();

        Assert.Equal(blob.Bytes.ToArray(), await reopened.GetBlobAsync(blob.Digest));
        Assert.Null(await reopened.GetBlobAsync(PendingBlob.Of(Encoding.UTF8.GetBytes("never stored")).Digest));
    }
}

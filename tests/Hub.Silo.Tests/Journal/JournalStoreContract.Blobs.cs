using System.Text;
using Hub.Silo.Journal;

namespace Hub.Silo.Tests.Journal;

/// <summary>Blobs that ride in an append: durable with its entries, or not written at all.</summary>
public abstract partial class JournalStoreContract
{
    [Fact]
    public async Task BlobsGivenWithAnAppendAreStoredWithItsEntriesAndFoundThroughAnyOfThem()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [Entry("before")]);
        var header = PendingBlob.Of(Encoding.UTF8.GetBytes($"header {stream}"));
        var payload = PendingBlob.Of(Encoding.UTF8.GetBytes($"payload {stream}"));

        Assert.Equal(3, await store.AppendAsync(stream, 1, [Entry(header.Digest), Entry(payload.Digest)], [header, payload]));

        Assert.Equal(header.Bytes.ToArray(), await store.GetBlobAsync(new BlobReference(stream, 2, header.Digest)));
        Assert.Equal(payload.Bytes.ToArray(), await store.GetBlobAsync(new BlobReference(stream, 2, payload.Digest)));
        Assert.Equal(payload.Bytes.ToArray(), await store.GetBlobAsync(new BlobReference(stream, 3, payload.Digest)));
        Assert.Equal([header.Digest, payload.Digest], (await ReadAllAsync(store, stream, after: 1)).Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
    }

    [Fact]
    public async Task BlobsOfARefusedAppendAreNotStored()
    {
        var store = await OpenAsync();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [Entry("first")]);
        var orphan = PendingBlob.Of(Encoding.UTF8.GetBytes($"orphan {stream}"));

        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(stream, 0, [Entry("late")], [orphan]));

        Assert.Null(await store.GetBlobAsync(new BlobReference(stream, 1, orphan.Digest)));
        Assert.Equal(1, await store.GetVersionAsync(stream));
    }

    [Fact]
    public async Task ABlobGivenByTwoAppendsIsFoundThroughEitherAndSurvivesReopening()
    {
        var store = await OpenAsync();
        var blob = PendingBlob.Of(Encoding.UTF8.GetBytes($"shared {Guid.NewGuid()}"));
        var (first, second) = (NewStream(), NewStream());

        await store.AppendAsync(first, 0, [Entry("a")], [blob]);
        await store.AppendAsync(second, 0, [Entry("b")], [blob, blob]);
        await CloseAllAsync();
        var reopened = await OpenAsync();

        Assert.Equal(blob.Bytes.ToArray(), await reopened.GetBlobAsync(new BlobReference(first, 1, blob.Digest)));
        Assert.Equal(blob.Bytes.ToArray(), await reopened.GetBlobAsync(new BlobReference(second, 1, blob.Digest)));
        Assert.Null(await reopened.GetBlobAsync(new BlobReference(first, 1, PendingBlob.Of(Encoding.UTF8.GetBytes("never stored")).Digest)));
    }

    [Fact]
    public async Task ABlobWhoseDigestIsNotLowerCaseSha256HexIsRefusedBeforeAnythingIsWritten()
    {
        var store = await OpenAsync();
        var stream = NewStream();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(stream, 0, [Entry("a")], [new PendingBlob("ABC", new byte[] { 1 })]));

        Assert.Equal(0, await store.GetVersionAsync(stream));
    }
}

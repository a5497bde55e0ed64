using System.Text;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Tests.Journal;

/// <summary>Blobs stored beside the entries of their append, and files whose blobs are still in the envelopes table.</summary>
public sealed partial class SqliteJournalStoreTests
{
    [Fact]
    public async Task AnAppendsBlobsAreStoredOnceEachAndNamedByEveryEntryOfIt()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        var (header, payload) = (PendingBlob.Of("header"u8.ToArray()), PendingBlob.Of("payload"u8.ToArray()));

        await store.AppendAsync("carried", 0, [Entry("a"), Entry("b")], [header, payload, payload]);
        await store.AppendAsync("carried", 2, [Entry("c")]);

        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM journal_blobs"));
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM journal_entries WHERE stream_id = 'carried' AND length(blobs) = 16"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(DISTINCT blobs) FROM journal_entries WHERE stream_id = 'carried'"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM journal_entries WHERE stream_id = 'carried' AND blobs IS NULL"));
        // No index on journal_blobs: storing a blob writes a row at the table's end, not a page picked by a random digest.
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM pragma_index_list('journal_blobs')"));
        Assert.Null(await store.GetBlobAsync(new BlobReference("carried", 3, header.Digest)));
    }

    [Fact]
    public async Task EditedBlobBytesAreRefusedNotServed()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        var blob = PendingBlob.Of("sealed envelope"u8.ToArray());
        await store.AppendAsync("edited", 0, [Entry(blob.Digest)], [blob]);

        await ExecuteAsync("UPDATE journal_blobs SET bytes = x'00'");

        await Assert.ThrowsAsync<InvalidDataException>(() => store.GetBlobAsync(new BlobReference("edited", 1, blob.Digest)));
    }

    [Fact]
    public async Task AFileWithItsBlobsInTheEnvelopesTableStillServesThemAndStoresNewOnesBesideTheirEntries()
    {
        var old = PendingBlob.Of("stored before"u8.ToArray());
        await using (var before = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath }))
        {
            await before.AppendAsync("kept", 0, [Entry(old.Digest)], [old]);
        }

        // As a file written before: blobs under their hex digest in envelopes, entries without a blobs column.
        SqliteConnection.ClearAllPools();
        await ExecuteAsync("""
            INSERT INTO envelopes (digest, bytes) SELECT lower(hex(digest)), bytes FROM journal_blobs;
            DELETE FROM journal_blobs;
            ALTER TABLE journal_entries DROP COLUMN blobs;
            """);

        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        var fresh = PendingBlob.Of(Encoding.UTF8.GetBytes("stored after"));
        await store.AppendAsync("kept", 1, [Entry(fresh.Digest)], [fresh]);

        Assert.Equal(old.Bytes.ToArray(), await store.GetBlobAsync(new BlobReference("kept", 1, old.Digest)));
        Assert.Equal(fresh.Bytes.ToArray(), await store.GetBlobAsync(new BlobReference("kept", 2, fresh.Digest)));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM journal_blobs"));
    }
}

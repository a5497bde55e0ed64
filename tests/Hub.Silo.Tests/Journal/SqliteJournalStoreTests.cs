using Hub.Silo.Journal;
using Hub.Silo.Journal.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Tests.Journal;

/// <summary>The SQLite journal against the store contract, on a throwaway file per test.</summary>
public sealed partial class SqliteJournalStoreTests : JournalStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-journal-").FullName;

    private string DatabasePath => Path.Combine(_directory, "journal.db");

    protected override Task<IJournalStore> OpenStoreAsync() =>
        Task.FromResult<IJournalStore>(new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath }));

    // A trigger refuses the stream's rows: the insert fails inside the batch, after the version check passed.
    protected override Task BreakWritesOfStreamAsync(string stream) => ExecuteAsync($"""
        CREATE TRIGGER refuse_stream BEFORE INSERT ON journal_entries WHEN NEW.stream_id = '{stream}'
        BEGIN SELECT RAISE(ABORT, 'damaged'); END
        """);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheFileIsInWalModeWithFullSync()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        await store.AppendAsync("s", 0, [Entry("x")]);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AppendsWaitingTogetherCommitAsOneGroupInOrder()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath, MaxBatch = 4 });
        var streams = Enumerable.Range(0, 50).Select(i => $"group/{i}").ToArray();

        var versions = await Task.WhenAll(streams.Select(s => store.AppendAsync(s, 0, [Entry(s), Entry(s)])));

        Assert.All(versions, v => Assert.Equal(2, v));
        foreach (var stream in streams)
        {
            Assert.Equal(2, await store.GetVersionAsync(stream));
        }
    }

    [Fact]
    public async Task FrontiersEvictedFromTheWritersCacheAreRestoredFromTheStoredNodes()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath, FrontierCacheSize = 1 });
        string[] streams = ["evict/a", "evict/b", "evict/c"];

        for (var round = 0; round < 7; round++)
        {
            foreach (var stream in streams)
            {
                await AppendManyAsync(store, stream, round + 1);
            }
        }

        foreach (var stream in streams)
        {
            Assert.Equal((await RebuildLogAsync(store, stream)).GetRoot(), (await store.GetTreeHeadAsync(stream)).RootHash.ToArray());
        }
    }

    [Fact]
    public async Task AStreamCutByAnotherConnectionIsAppendedAtItsStoredHeadNotTheWritersCachedOne()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        await AppendManyAsync(store, "cut", 3);
        await ExecuteAsync("DELETE FROM journal_entries WHERE stream_id = 'cut' AND version = 3");

        // The writer last left "cut" at 3; the file now says 2, and the file wins: no entry 4 after a gap.
        var refused = await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync("cut", 3, [Entry("x")]));

        Assert.Contains("at version 2,", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await store.GetVersionAsync("cut"));
    }

    [Fact]
    public async Task AJournalFileWithoutLeafHashesIsRefusedRatherThanTrusted()
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE journal_entries (stream_id TEXT NOT NULL, version INTEGER NOT NULL, entry_type TEXT NOT NULL,
                    payload BLOB NOT NULL, recorded_at INTEGER NOT NULL, PRIMARY KEY (stream_id, version)) WITHOUT ROWID;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath }));

        Assert.Contains("predates the Merkle log", refused.Message, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

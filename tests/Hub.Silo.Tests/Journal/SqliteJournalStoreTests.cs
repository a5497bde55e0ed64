using Hub.Silo.Journal;
using Hub.Silo.Journal.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Tests.Journal;

/// <summary>The SQLite journal against the store contract, on a throwaway file per test.</summary>
public sealed class SqliteJournalStoreTests : JournalStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-journal-").FullName;

    private string DatabasePath => Path.Combine(_directory, "journal.db");

    protected override Task<IJournalStore> OpenStoreAsync() =>
        Task.FromResult<IJournalStore>(new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath }));

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
}

using Hub.Silo.Journal;
using Hub.Silo.Journal.Sqlite;
using Hub.Silo.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Hub.Silo.Tests.Reminders;

/// <summary>The SQLite reminder table against the reminder table contract, on a throwaway file per test.</summary>
public sealed class SqliteReminderTableTests : ReminderTableContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-reminders-").FullName;

    private string DatabasePath => Path.Combine(_directory, "journal.db");

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RemindersSurviveReopeningTheFileWithItsPoolCleared()
    {
        var table = await OpenAsync("hub-test");
        var grain = Grain("case-1");
        var etag = await table.UpsertRow(Entry(grain, "hold", Start));
        SqliteConnection.ClearAllPools();

        var reopened = await OpenAsync("hub-test");

        Assert.Equal(etag, (await reopened.ReadRow(grain, "hold"))?.ETag);
    }

    [Fact]
    public async Task TheTableLivesBesideTheJournalInOneWalFile()
    {
        var table = await OpenAsync("hub-test");
        await using var journal = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        await journal.AppendAsync("case-1", 0, [new PendingEntry("CaseOpened", new byte[] { 1, 2, 3 })]);
        await table.UpsertRow(Entry(Grain("case-1"), "sla", Start));

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM journal_entries) || '/' || (SELECT COUNT(*) FROM reminders) || '/' || (SELECT journal_mode FROM pragma_journal_mode)";

        Assert.Equal("1/1/wal", (string?)await command.ExecuteScalarAsync());
    }

    protected override async Task<IReminderTable> OpenAsync(string serviceId)
    {
        var table = new SqliteReminderTable(
            new SqliteJournalOptions { Path = DatabasePath },
            Options.Create(new ClusterOptions { ServiceId = serviceId }),
            NullLogger<SqliteReminderTable>.Instance);
        await table.StartAsync();
        return table;
    }
}

using Hub.Silo.Clustering.Postgres;
using Hub.Silo.Reminders;
using Hub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Hub.Silo.Tests.Reminders;

/// <summary>The PostgreSQL reminder table against the reminder table contract, on a throwaway database per test.</summary>
public sealed class PostgresReminderTableTests : ReminderTableContract
{
    private readonly List<ClusterDatabase> _opened = [];
    private PostgresTestDatabase _database = null!;

    public override async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TablesAreCreatedOnceWhenManySilosStartTogether()
    {
        // Without the advisory lock, concurrent CREATE TABLE IF NOT EXISTS fails on PostgreSQL's catalog.
        await using var fresh = await PostgresTestDatabase.CreateAsync();
        var databases = Enumerable.Range(0, 8).Select(_ => new ClusterDatabase(fresh.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(databases.Select(d => d.EnsureSchemaAsync(CancellationToken.None)));

            await using var connection = new NpgsqlConnection(fresh.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_tables WHERE tablename IN ('hub_reminders', 'hub_membership', 'hub_membership_version')", connection);
            Assert.Equal(3L, await command.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    protected override async Task<IReminderTable> OpenAsync(string serviceId)
    {
        var database = new ClusterDatabase(_database.ConnectionString);
        _opened.Add(database);
        var table = new PostgresReminderTable(database, Options.Create(new ClusterOptions { ServiceId = serviceId }), NullLogger<PostgresReminderTable>.Instance);
        await table.Init();
        return table;
    }
}

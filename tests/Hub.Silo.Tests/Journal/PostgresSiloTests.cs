using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Silo.Hosting;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hub.Silo.Tests.Journal;

/// <summary>A silo configured with <c>Hub:Journal:Provider=Postgres</c>: its grains keep their streams in PostgreSQL.</summary>
public sealed class PostgresSiloTests(PostgresSiloClusterFixture fixture) : IClassFixture<PostgresSiloClusterFixture>
{
    [Fact]
    public async Task GrainsOfASiloConfiguredForPostgresJournalTheirEventsThere()
    {
        Assert.IsType<PostgresJournalStore>(fixture.Journal);
        var id = $"zz-pg-{Guid.NewGuid():N}"[..24];
        var admin = new Caller(id, Guid.NewGuid().ToString(), [HubRoles.AgencyAdmin]);

        var result = await fixture.Client.GetGrain<IAgencyGrain>(id).DefineAsync(admin, new AgencyProfile(id, AgencyKind.Hotline, "LU", "Test Hotline", SlaTargets.Default));

        Assert.Equal(DefineAgencyOutcome.Created, result.Outcome);
        Assert.Contains("be-hotline", await fixture.Client.GetGrain<IAgencyDirectoryGrain>(IAgencyDirectoryGrain.Key).ListAsync());
        Assert.Contains(id, await fixture.Client.GetGrain<IAgencyDirectoryGrain>(IAgencyDirectoryGrain.Key).ListAsync());

        // Checked in the database itself, not through the store.
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT entry_type FROM journal_entries WHERE stream_id = $1 ORDER BY version", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"agency/{id}" });
        Assert.Equal("agency.defined.v1", (string?)await command.ExecuteScalarAsync());
        NpgsqlConnection.ClearPool(connection);
    }

    [Fact]
    public void AnUnknownProviderOrAPostgresProviderWithoutAConnectionStringIsRefused()
    {
        static void Configure(params (string Key, string Value)[] settings) => new ServiceCollection().AddHubJournal(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

        var unknown = Assert.Throws<InvalidOperationException>(() => Configure(("Hub:Journal:Provider", "Oracle")));
        var missing = Assert.Throws<InvalidOperationException>(() => Configure(("Hub:Journal:Provider", "Postgres")));

        Assert.Contains("Supported: Sqlite, Postgres", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Hub:Journal:Postgres:ConnectionString", missing.Message, StringComparison.Ordinal);
    }
}

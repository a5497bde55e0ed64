using Hub.Silo.Hosting;
using Hub.Silo.Journal;
using Hub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hub.Silo.Tests.Testing;

/// <summary>
/// One in-process silo configured as an operator would for a cluster (<c>Hub:Journal:Provider=Postgres</c>) over a
/// throwaway database, with the demo network defined. Reminders follow the journal into PostgreSQL (hub_reminders).
/// </summary>
public sealed class PostgresSiloClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-silo-pg-").FullName;
    private PostgresTestDatabase? _database;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public PostgresTestDatabase Database => _database!;

    /// <summary>The silo's journal.</summary>
    public IJournalStore Journal => Cluster.Silos[0].ServiceProvider.GetRequiredService<IJournalStore>();

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:Journal:Provider"] = "Postgres",
                ["Hub:Journal:Postgres:ConnectionString"] = _database.ConnectionString,
                ["Hub:Journal:Sqlite:Path"] = Path.Combine(_directory, "reminders.db"),
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.Services.AddHubGrainServices(configuration, seedDemoNetwork: true));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

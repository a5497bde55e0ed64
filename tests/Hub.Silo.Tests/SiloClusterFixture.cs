using Hub.Silo.Hosting;
using Hub.Silo.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hub.Silo.Tests;

/// <summary>One in-process silo over a throwaway SQLite journal with the demo network defined, shared by a test class.</summary>
public sealed class SiloClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-silo-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The journal file, for tests that edit it behind the silo's back.</summary>
    public string JournalPath => Path.Combine(_directory, "journal.db");

    /// <summary>The silo's journal, to check what was (or was not) written.</summary>
    public IJournalStore Journal => Cluster.Silos[0].ServiceProvider.GetRequiredService<IJournalStore>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Journal:Sqlite:Path"] = JournalPath })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.Services.AddHubGrainServices(configuration, seedDemoNetwork: true));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

using Hub.Silo.Hosting;
using Hub.Silo.Journal.Sqlite;
using Hub.Silo.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Hub.Silo.Tests.Reminders;

/// <summary>Reminders end to end: a silo fires them from the journal file, and a new silo over the same file still does.</summary>
public sealed class DurableReminderTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    private static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AReminderFiresAndItsRowLivesInTheJournalFile()
    {
        var probe = Guid.NewGuid().ToString("N");
        var grain = fixture.Client.GetGrain<IReminderProbeGrain>(probe);
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();

        await grain.ArmAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1));

        Assert.IsType<SqliteReminderTable>(table);
        Assert.NotNull(await table.ReadRow(grain.GetGrainId(), ReminderProbeGrain.ReminderName));
        await ReminderTicks.WaitForTickAsync(probe, silo: null, TickTimeout);

        await grain.DisarmAsync();
        Assert.Null(await table.ReadRow(grain.GetGrainId(), ReminderProbeGrain.ReminderName));
    }

    [Fact]
    public async Task AReminderRegisteredBeforeARestartFiresInTheNextSilo()
    {
        var directory = Directory.CreateTempSubdirectory("hub-reminder-restart-").FullName;
        var path = Path.Combine(directory, "journal.db");
        var serviceId = $"hub-restart-{Guid.NewGuid():N}";
        var probe = Guid.NewGuid().ToString("N");
        try
        {
            var first = await StartClusterAsync(path, serviceId);
            var firstSilo = first.Silos[0].SiloAddress;
            var grainId = first.Client.GetGrain<IReminderProbeGrain>(probe).GetGrainId();
            await first.Client.GetGrain<IReminderProbeGrain>(probe).ArmAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            await first.StopAllSilosAsync();
            await first.DisposeAsync();

            // Only the file carries the reminder across: nothing in the next cluster calls the grain.
            Assert.NotNull(await ReadRowAsync(path, serviceId, grainId));
            var second = await StartClusterAsync(path, serviceId);
            try
            {
                Assert.NotEqual(firstSilo, second.Silos[0].SiloAddress);
                await ReminderTicks.WaitForTickAsync(probe, second.Silos[0].SiloAddress, TickTimeout);
                await second.Client.GetGrain<IReminderProbeGrain>(probe).DisarmAsync();
            }
            finally
            {
                await second.StopAllSilosAsync();
                await second.DisposeAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<InProcessTestCluster> StartClusterAsync(string path, string serviceId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Journal:Sqlite:Path"] = path })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;   // reminders are stored per service: both clusters are one service
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddHubGrainServices(configuration, seedDemoNetwork: false);
            // A one-second period means the next silo fires within a second of loading the row, however long the restart took.
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<ReminderEntry?> ReadRowAsync(string path, string serviceId, GrainId grainId)
    {
        var table = new SqliteReminderTable(
            new SqliteJournalOptions { Path = path },
            Options.Create(new ClusterOptions { ServiceId = serviceId }),
            NullLogger<SqliteReminderTable>.Instance);
        return await table.ReadRow(grainId, ReminderProbeGrain.ReminderName);
    }
}

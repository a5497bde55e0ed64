using Hub.Contracts;
using Hub.Contracts.Agencies;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Seeding;

/// <summary>
/// Defines the demo network's agencies once the silo is active (development only). Defining an agency
/// that already has this profile writes nothing, so restarts on the same journal are no-ops.
/// </summary>
public sealed partial class DemoNetworkSeeder(IGrainFactory grains, DemoSeedStatus status, ILogger<DemoNetworkSeeder> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DemoNetworkSeeder), ServiceLifecycleStage.Active, SeedAsync, _ => Task.CompletedTask);

    private async Task SeedAsync(CancellationToken ct)
    {
        var created = 0;
        foreach (var profile in DemoNetwork.Agencies)
        {
            var result = await grains.GetGrain<IAgencyGrain>(profile.Id).DefineAsync(Caller.HubSystem, profile, ct);
            if (result.Outcome == DefineAgencyOutcome.Created)
            {
                created++;
            }
        }

        status.MarkComplete();
        LogSeeded(DemoNetwork.Agencies.Count, created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo network in place: {Count} agencies ({Created} new)")]
    private partial void LogSeeded(int count, int created);
}

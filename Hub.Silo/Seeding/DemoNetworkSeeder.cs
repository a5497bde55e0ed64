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

    private const int Attempts = 10;

    private async Task SeedAsync(CancellationToken ct)
    {
        var created = 0;
        foreach (var profile in DemoNetwork.Agencies)
        {
            if (await DefineAsync(profile, ct) == DefineAgencyOutcome.Created)
            {
                created++;
            }
        }

        status.MarkComplete();
        LogSeeded(DemoNetwork.Agencies.Count, created);
    }

    /// <summary>
    /// Silos of a cluster seed together: the agency grain serialises their calls and the second finds the profile in
    /// place. While silos join, a call can still fail (the grain moved, its journal append met a concurrent one); it
    /// is safe to repeat, so it is retried rather than failing the silo's start.
    /// </summary>
    private async Task<DefineAgencyOutcome> DefineAsync(AgencyProfile profile, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await grains.GetGrain<IAgencyGrain>(profile.Id).DefineAsync(Caller.HubSystem, profile, ct)).Outcome;
            }
            catch (Exception ex) when (attempt < Attempts && ex is not OperationCanceledException)
            {
                LogRetry(profile.Id, attempt, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Defining demo agency {AgencyId} failed (attempt {Attempt}, {Reason}); retrying")]
    private partial void LogRetry(string agencyId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo network in place: {Count} agencies ({Created} new)")]
    private partial void LogSeeded(int count, int created);
}

// One agency of the simulated network, set up as its people would: the admin's device founds (or
// reopens) the agency's key directory; the duty user (analyst, investigator or liaison officer) works
// cases with that device's keys and listens to the agency's inbox over SignalR with catch-up.
using Hub.Client.Api;
using Hub.Client.Keys;
using Hub.Client.Live;
using Hub.Client.Wire;

namespace Hub.Cli.Simulation;

/// <summary>A simulated agency: its profile, its duty user's workspace and its live inbox feed.</summary>
internal sealed class SimulatedAgency : IAsyncDisposable
{
    private readonly DeviceKey _device;
    private readonly InboxFeedConnection _feed;
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    private SimulatedAgency(AgencyProfile profile, AgencyWorkspace duty, DeviceKey device, InboxFeedConnection feed)
    {
        Profile = profile;
        Duty = duty;
        _device = device;
        _feed = feed;
    }

    public AgencyProfile Profile { get; }

    public string Id => Profile.Id;

    /// <summary>The duty user on the simulator's device of this agency.</summary>
    public AgencyWorkspace Duty { get; }

    public static string DutyRole(AgencyKind kind) => kind switch
    {
        AgencyKind.Hotline => "Hub.Analyst",
        AgencyKind.PoliceUnit => "Hub.Investigator",
        _ => "Hub.Liaison",
    };

    public static async Task<SimulatedAgency> StartAsync(
        AgencyProfile profile, DevTokens tokens, SimulationKeys keys, DeliveryTracker tracker, SimulationStats stats, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(tokens);
        var device = keys.DeviceFor(profile.Id);
        AgencyWorkspace? duty = null;
        try
        {
            using (var admin = new AgencyWorkspace(new HubApiClient(await tokens.EndpointAsync(profile.Id, "Hub.AgencyAdmin", ct)), profile.Id, device))
            {
                try
                {
                    await admin.EnsureKeysAsync(ct);
                }
                finally
                {
                    admin.Api.Dispose();
                }
            }

            var endpoint = await tokens.EndpointAsync(profile.Id, DutyRole(profile.Kind), ct);
            duty = new AgencyWorkspace(new HubApiClient(endpoint), profile.Id, device, new KeyPins());
            await duty.UnlockCurrentGenerationAsync(ct);

            // Listen from the end of the inbox: earlier entries belong to earlier runs.
            var feed = new InboxFeedConnection(endpoint, await LastSeqAsync(duty.Api, ct));
            var agency = new SimulatedAgency(profile, duty, device, feed);
            feed.PushReceived += push =>
            {
                if (push.Kind == InboxItemKind.ReferralReceived)
                {
                    tracker.Pushed(push.CaseId, profile.Id);
                }
            };
            await feed.StartAsync(ct);
            agency._reading = agency.ReadAsync(tracker, stats);
            return agency;
        }
        catch
        {
            duty?.Api.Dispose();
            duty?.Dispose();
            device.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _feed.DisposeAsync();
        await _reading;
        Duty.Api.Dispose();
        Duty.Dispose();
        _device.Dispose();
        _stop.Dispose();
    }

    private static async Task<long> LastSeqAsync(HubApiClient api, CancellationToken ct)
    {
        var last = 0L;
        for (var more = true; more;)
        {
            var page = await api.ReadInboxAsync(last, 500, ct);
            last = page.Items.Count > 0 ? page.Items[^1].Seq : last;
            more = page.More && page.Items.Count > 0;
        }

        return last;
    }

    private async Task ReadAsync(DeliveryTracker tracker, SimulationStats stats)
    {
        try
        {
            await foreach (var item in _feed.ReadAllAsync(_stop.Token))
            {
                stats.Count(Counters.InboxEntries);
                if (item.Kind == InboxItemKind.ReferralReceived)
                {
                    tracker.Delivered(item.CaseId, Id);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}

using Hub.Client.Api;
using Hub.Client.Keys;
using Hub.Testing;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>
/// A demo agency set up as its admin would (founding device, a duty user's device, a generation wrapped to both),
/// with the duty user's token usable at every gateway of the cluster.
/// </summary>
public sealed class ClusterDesk : IDisposable
{
    private readonly HubCluster _cluster;
    private readonly DeviceKey _adminDevice;
    private readonly DeviceKey _dutyDevice;

    private ClusterDesk(HubCluster cluster, string agencyId, string adminToken, string dutyToken, AgencyWorkspace workspace, DeviceKey adminDevice, DeviceKey dutyDevice)
    {
        _cluster = cluster;
        AgencyId = agencyId;
        AdminToken = adminToken;
        DutyToken = dutyToken;
        Workspace = workspace;
        _adminDevice = adminDevice;
        _dutyDevice = dutyDevice;
    }

    public string AgencyId { get; }

    /// <summary>The demo admin's token (admins may export evidence).</summary>
    public string AdminToken { get; }

    public string DutyToken { get; }

    /// <summary>The duty user's workspace on their device, over gateway 0 (sealing, key directory).</summary>
    public AgencyWorkspace Workspace { get; }

    /// <param name="dutyRoleWord">The demo user word: <c>analyst</c>, <c>investigator</c> or <c>liaison</c>.</param>
    public static async Task<ClusterDesk> SetUpAsync(HubCluster cluster, string agencyId, string dutyRoleWord)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var adminToken = await cluster.TokenAsync($"admin@{agencyId}.test");
        var dutyToken = await cluster.TokenAsync($"{dutyRoleWord}@{agencyId}.test");
        var adminDevice = DeviceKey.Generate($"{agencyId}-admin-laptop");
        var dutyDevice = DeviceKey.Generate($"{agencyId}-duty-laptop");
        using (var admin = new AgencyWorkspace(new HubApiClient(HubEndpoint.WithToken(cluster.GatewayAddress(0), adminToken)), agencyId, adminDevice, new KeyPins()))
        {
            await admin.EnrolDeviceAsync();
            await admin.EnrolDeviceAsync(dutyDevice.PublicKeys);
            await admin.PublishNextGenerationAsync();
            admin.Api.Dispose();
        }

        var workspace = new AgencyWorkspace(new HubApiClient(HubEndpoint.WithToken(cluster.GatewayAddress(0), dutyToken)), agencyId, dutyDevice, new KeyPins());
        await workspace.UnlockCurrentGenerationAsync();
        return new ClusterDesk(cluster, agencyId, adminToken, dutyToken, workspace, adminDevice, dutyDevice);
    }

    /// <summary>The duty user's endpoint at gateway <paramref name="gateway"/>.</summary>
    public HubEndpoint DutyAt(int gateway) => HubEndpoint.WithToken(_cluster.GatewayAddress(gateway), DutyToken);

    /// <summary>A new API client for the duty user at gateway <paramref name="gateway"/> (the caller disposes it).</summary>
    public HubApiClient ApiAt(int gateway) => new(DutyAt(gateway));

    public void Dispose()
    {
        Workspace.Api.Dispose();
        Workspace.Dispose();
        _adminDevice.Dispose();
        _dutyDevice.Dispose();
    }
}

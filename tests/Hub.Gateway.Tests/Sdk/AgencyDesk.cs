using Hub.Client.Api;
using Hub.Client.Keys;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>
/// One agency set up as its admin would: the admin's device founds the agency's key directory, enrols a
/// duty user's device, and publishes a generation wrapped to both; the duty user then unlocks it.
/// </summary>
public sealed class AgencyDesk : IDisposable
{
    private readonly DeviceKey _adminDevice;
    private readonly DeviceKey _dutyDevice;

    private AgencyDesk(string agencyId, HubEndpoint duty, AgencyWorkspace admin, AgencyWorkspace workspace, DeviceKey adminDevice, DeviceKey dutyDevice)
    {
        AgencyId = agencyId;
        Duty = duty;
        Admin = admin;
        Workspace = workspace;
        _adminDevice = adminDevice;
        _dutyDevice = dutyDevice;
    }

    public string AgencyId { get; }

    /// <summary>The duty user's endpoint (for more clients or a live feed).</summary>
    public HubEndpoint Duty { get; }

    public AgencyWorkspace Admin { get; }

    /// <summary>The duty user's workspace on their own device.</summary>
    public AgencyWorkspace Workspace { get; }

    public HubApiClient Api => Workspace.Api;

    public static async Task<AgencyDesk> SetUpAsync(string agencyId, HubEndpoint admin, HubEndpoint duty)
    {
        var adminDevice = DeviceKey.Generate($"{agencyId}-admin-laptop");
        var dutyDevice = DeviceKey.Generate($"{agencyId}-duty-laptop");
        var adminWorkspace = new AgencyWorkspace(new HubApiClient(admin), agencyId, adminDevice, new KeyPins());
        await adminWorkspace.EnrolDeviceAsync();
        await adminWorkspace.EnrolDeviceAsync(dutyDevice.PublicKeys);
        await adminWorkspace.PublishNextGenerationAsync();
        var workspace = new AgencyWorkspace(new HubApiClient(duty), agencyId, dutyDevice, new KeyPins());
        await workspace.UnlockCurrentGenerationAsync();
        return new AgencyDesk(agencyId, duty, adminWorkspace, workspace, adminDevice, dutyDevice);
    }

    /// <summary>A demo agency: its demo admin and the given duty user.</summary>
    public static async Task<AgencyDesk> SetUpAsync(SdkWorld world, string agencyId, string dutyRoleWord) =>
        await SetUpAsync(agencyId, await world.SignInAsync($"admin@{agencyId}.test"), await world.SignInAsync($"{dutyRoleWord}@{agencyId}.test"));

    public void Dispose()
    {
        Admin.Api.Dispose();
        Admin.Dispose();
        Workspace.Api.Dispose();
        Workspace.Dispose();
        _adminDevice.Dispose();
        _dutyDevice.Dispose();
    }
}

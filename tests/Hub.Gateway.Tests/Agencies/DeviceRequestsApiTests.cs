using System.Net;
using Hub.Client.Api;
using Hub.Client.Keys;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Gateway.Tests.Sdk;
using NSec.Cryptography;

namespace Hub.Gateway.Tests.Agencies;

/// <summary>
/// POST/GET /api/agencies/{id}/device-requests: a member registers a new device's public keys, an admin of the
/// same agency finds them to enrol; nobody outside the agency sees or adds any, and enrolment clears the request.
/// </summary>
[Collection(SharedHubGroup.Name)]
public sealed class DeviceRequestsApiTests(SharedHub hub)
{
    [Fact]
    public async Task AMembersDeviceWaitsUntilAnAdminEnrolsIt()
    {
        var (agency, admin, member) = await NewAgencyAsync();
        using var adminDevice = DeviceKey.Generate("admin-laptop");
        using var memberDevice = DeviceKey.Generate("analyst-laptop");
        using var workspace = new AgencyWorkspace(admin, agency, adminDevice);
        await workspace.EnrolDeviceAsync();

        var waiting = await member.RequestDeviceAsync(agency, Request(memberDevice.PublicKeys));
        var retried = await member.RequestDeviceAsync(agency, Request(memberDevice.PublicKeys));
        var seenByAdmin = await admin.ListDeviceRequestsAsync(agency);
        await workspace.EnrolDeviceAsync(memberDevice.PublicKeys);
        var afterEnrolment = await admin.ListDeviceRequestsAsync(agency);

        var request = Assert.Single(waiting);
        Assert.Equal(("analyst-laptop", memberDevice.PublicKeys.EncryptionKey.ToString()), (request.DeviceId, request.EncryptionKey));
        Assert.Equal(memberDevice.PublicKeys.SigningKey.Export(KeyBlobFormat.RawPublicKey), request.SigningKey);
        Assert.Single(retried);
        Assert.Equal(request.RequestedAt, Assert.Single(seenByAdmin).RequestedAt);
        Assert.Empty(afterEnrolment);
    }

    [Fact]
    public async Task AnotherDeviceUnderAWaitingIdAnEnrolledIdOrMalformedKeysIsRefused()
    {
        var (agency, admin, member) = await NewAgencyAsync();
        using var adminDevice = DeviceKey.Generate("admin-laptop");
        using var first = DeviceKey.Generate("shared-name");
        using var second = DeviceKey.Generate("shared-name");
        using var workspace = new AgencyWorkspace(admin, agency, adminDevice);
        await workspace.EnrolDeviceAsync();
        await member.RequestDeviceAsync(agency, Request(first.PublicKeys));

        var taken = await Assert.ThrowsAsync<HubApiException>(() => member.RequestDeviceAsync(agency, Request(second.PublicKeys)));
        var enrolled = await Assert.ThrowsAsync<HubApiException>(() => member.RequestDeviceAsync(agency, Request(adminDevice.PublicKeys)));
        var malformed = await Assert.ThrowsAsync<HubApiException>(() =>
            member.RequestDeviceAsync(agency, Request(first.PublicKeys) with { DeviceId = "no spaces allowed", SigningKey = new byte[31] }));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (taken.Status, enrolled.Status, malformed.Status));
        Assert.Contains("choose another device id", taken.Detail, StringComparison.Ordinal);
        Assert.Single(await admin.ListDeviceRequestsAsync(agency));
    }

    [Fact]
    public async Task NobodyOutsideTheAgencySeesOrAddsItsDeviceRequests()
    {
        var (agency, _, member) = await NewAgencyAsync();
        using var device = DeviceKey.Generate("analyst-laptop");
        await member.RequestDeviceAsync(agency, Request(device.PublicKeys));
        using var outsider = new HubApiClient(await SdkWorld.Over(hub).SignInAsync("admin@be-hotline.test"));

        var read = await Assert.ThrowsAsync<HubApiException>(() => outsider.ListDeviceRequestsAsync(agency));
        var add = await Assert.ThrowsAsync<HubApiException>(() => outsider.RequestDeviceAsync(agency, Request(DeviceKey.Generate("planted").PublicKeys)));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (read.Status, add.Status));
        Assert.Single(await member.ListDeviceRequestsAsync(agency));
    }

    private static RequestDevice Request(DevicePublicKeys keys) =>
        new(Guid.NewGuid(), keys.DeviceId, keys.EncryptionKey.ToString(), keys.SigningKey.Export(KeyBlobFormat.RawPublicKey));

    private async Task<(string Agency, HubApiClient Admin, HubApiClient Member)> NewAgencyAsync()
    {
        var agency = $"lu-hotline-{Guid.NewGuid():N}"[..20];
        var world = SdkWorld.Over(hub);
        var admin = new HubApiClient(await world.SignInAsync(agency, "Hub.AgencyAdmin"));
        await admin.DefineAgencyAsync(agency, new AgencyDefinition(AgencyKind.Hotline, "LU", "Luxembourg Hotline (test)", Sla: null));
        return (agency, admin, new HubApiClient(await world.SignInAsync(agency, "Hub.Analyst")));
    }
}

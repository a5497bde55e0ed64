using System.Net;
using System.Text;
using Hub.Client.Api;
using Hub.Client.Crypto;
using Hub.Client.Keys;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>
/// Older generation keys for a device enrolled later: an admin's device wraps them to it (POST …/generations/{n}/wrapped);
/// the hub journals and serves the age file without reading it, and the receiving device checks the key it unwraps
/// against the generation's published public key.
/// </summary>
[Collection(SharedHubGroup.Name)]
public sealed class OlderGenerationTests(SharedHub hub)
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("https://older.example/item/1 (synthetic)");

    [Fact]
    public async Task ADeviceEnrolledAfterAReferralOpensItOnceAnAdminWrapsTheOlderGeneration()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "og");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var (messageId, _) = await sender.Workspace.ReferAsync(caseId, Content, [recipient.AgencyId]);
        using var late = DeviceKey.Generate("late-laptop");
        await recipient.Admin.EnrolDeviceAsync(late.PublicKeys);
        await recipient.Admin.PublishNextGenerationAsync();
        using var lateWorkspace = new AgencyWorkspace(recipient.Api, recipient.AgencyId, late);

        var before = await Assert.ThrowsAsync<HubApiException>(() => lateWorkspace.OpenAsync(caseId, messageId));
        var (wrapped, notHeld) = await recipient.Admin.WrapOlderGenerationsToAsync(late.DeviceId);
        var opened = await lateWorkspace.OpenAsync(caseId, messageId);
        var again = await recipient.Admin.WrapOlderGenerationsToAsync(late.DeviceId);

        Assert.Equal(HttpStatusCode.NotFound, before.Status);
        Assert.Equal([1u], wrapped);
        Assert.Empty(notHeld);
        Assert.Equal(Content, opened.Plaintext);
        Assert.Empty(again.Wrapped);
        Assert.Empty(again.NotHeldHere);
    }

    [Fact]
    public async Task ARetriedWrapWritesNothingNewAndASecondCopyForTheSameDeviceIsAConflict()
    {
        var (sender, recipient, _) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "oi");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        using var late = DeviceKey.Generate("late-laptop");
        await recipient.Admin.EnrolDeviceAsync(late.PublicKeys);
        var command = Guid.NewGuid();

        var first = await recipient.Admin.WrapGenerationToAsync(1, late.DeviceId, command);
        var retried = await recipient.Admin.WrapGenerationToAsync(1, late.DeviceId, command);
        var another = await Assert.ThrowsAsync<HubApiException>(() => recipient.Admin.WrapGenerationToAsync(1, late.DeviceId));
        using var lateWorkspace = new AgencyWorkspace(recipient.Api, recipient.AgencyId, late);
        var unlocked = await lateWorkspace.UnlockCurrentGenerationAsync();

        Assert.Equal(first.Version, retried.Version);
        Assert.Equal(HttpStatusCode.Conflict, another.Status);
        Assert.Equal(1u, unlocked.Generation);
    }

    [Fact]
    public async Task AForgedWrappedKeyIsRefusedByTheDeviceThatReceivesIt()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "of");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var (messageId, _) = await sender.Workspace.ReferAsync(caseId, Content, [recipient.AgencyId]);
        using var late = DeviceKey.Generate("late-laptop");
        await recipient.Admin.EnrolDeviceAsync(late.PublicKeys);

        // The right agency and generation in the record, but another key: the hub cannot tell, the device must.
        using var impostor = AgencyGenerationSecret.Create(recipient.AgencyId, 1);
        await recipient.Admin.Api.WrapGenerationAsync(recipient.AgencyId, 1, new WrapGeneration(
            Guid.NewGuid(), late.DeviceId, recipient.Admin.Device.DeviceId, impostor.WrapTo([late.PublicKeys]).Envelope));
        using var lateWorkspace = new AgencyWorkspace(recipient.Api, recipient.AgencyId, late);
        var refused = await Assert.ThrowsAsync<AgeException>(() => lateWorkspace.OpenAsync(caseId, messageId));

        Assert.Equal(AgeErrorKind.GenerationKeyMismatch, refused.Kind);
        Assert.Contains($"generation 1 wrapped to device {late.DeviceId} is not that generation's published key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheAgencysAdminsWrapAndNeverToARevokedDeviceOrAnUnknownGeneration()
    {
        var world = SdkWorld.Over(hub);
        var (sender, recipient, _) = await TestAgencies.HotlineCaseAsync(world, "oa");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        using var late = DeviceKey.Generate("late-laptop");
        using var gone = DeviceKey.Generate("lost-laptop");
        await recipient.Admin.EnrolDeviceAsync(late.PublicKeys);
        await recipient.Admin.EnrolDeviceAsync(gone.PublicKeys);
        var revocation = new RevocationStatement(recipient.AgencyId, gone.DeviceId, recipient.Admin.Device.DeviceId, DateTimeOffset.UtcNow, 2).Sign(recipient.Admin.Device);
        await recipient.Admin.Api.RevokeDeviceAsync(recipient.AgencyId, new RevokeDevice(Guid.NewGuid(), gone.DeviceId, recipient.Admin.Device.DeviceId, revocation.Statement, revocation.Signature));
        var envelope = new byte[200];
        WrapGeneration To(string device) => new(Guid.NewGuid(), device, recipient.Admin.Device.DeviceId, envelope);
        var before = await recipient.Admin.Api.GetKeysAsync(recipient.AgencyId);

        var asDutyUser = await Assert.ThrowsAsync<HubApiException>(() => recipient.Api.WrapGenerationAsync(recipient.AgencyId, 1, To(late.DeviceId)));
        var asOtherAgencysAdmin = await Assert.ThrowsAsync<HubApiException>(() => sender.Admin.Api.WrapGenerationAsync(recipient.AgencyId, 1, To(late.DeviceId)));
        var toRevoked = await Assert.ThrowsAsync<HubApiException>(() => recipient.Admin.Api.WrapGenerationAsync(recipient.AgencyId, 1, To(gone.DeviceId)));
        var unknownGeneration = await Assert.ThrowsAsync<HubApiException>(() => recipient.Admin.Api.WrapGenerationAsync(recipient.AgencyId, 9, To(late.DeviceId)));
        var unknownDevice = await Assert.ThrowsAsync<HubApiException>(() => recipient.Admin.Api.WrapGenerationAsync(recipient.AgencyId, 1, To("never-enrolled")));
        var fromSdk = await Assert.ThrowsAsync<AgeException>(() => recipient.Admin.WrapGenerationToAsync(1, gone.DeviceId));
        var after = await recipient.Admin.Api.GetKeysAsync(recipient.AgencyId);

        Assert.Equal(HttpStatusCode.Forbidden, asDutyUser.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asOtherAgencysAdmin.Status);
        Assert.Equal(HttpStatusCode.Conflict, toRevoked.Status);
        Assert.Contains("revoked", toRevoked.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownGeneration.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownDevice.Status);
        Assert.Equal(AgeErrorKind.SenderNotEnrolled, fromSdk.Kind);
        Assert.Equal(before.Version, after.Version);
    }
}

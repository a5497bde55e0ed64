using System.Net;
using System.Text;
using Hub.Client.Api;
using Hub.Client.Keys;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>The gateway refuses a sealed message whose signed statement does not hold, before anything is journaled.</summary>
[Collection(SharedHubGroup.Name)]
public sealed class ForgedStatementTests(SharedHub hub)
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("https://forged.example/item/1 (synthetic)");

    [Fact]
    public async Task AReferralSignedByADeviceNotEnrolledInTheClaimedAgencyIsRefusedAndNothingIsJournaled()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "fa");
        using var _ = sender;
        using var __ = recipient;
        using var rogue = DeviceKey.Generate("rogue-laptop");
        using var neverEnrolled = new AgencyWorkspace(sender.Api, sender.AgencyId, rogue);
        using var otherAgencysDevice = new AgencyWorkspace(sender.Api, sender.AgencyId, recipient.Workspace.Device);
        var before = await sender.Api.GetCaseAsync(caseId);

        foreach (var impostor in new[] { neverEnrolled, otherAgencysDevice })
        {
            var forged = await impostor.SealAsync(caseId, Content, [recipient.AgencyId]);
            await RefusedAsync(sender.Api, caseId, forged);
        }

        var after = await sender.Api.GetCaseAsync(caseId);
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(after.Messages);
    }

    [Fact]
    public async Task AReferralWhoseEnvelopeDoesNotMatchItsSignedDigestsIsRefused()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "fd");
        using var _ = sender;
        using var __ = recipient;
        var message = await sender.Workspace.SealAsync(caseId, Content, [recipient.AgencyId]);
        var before = await sender.Api.GetCaseAsync(caseId);

        await RefusedAsync(sender.Api, caseId, message with { Payload = Flip(message.Payload) });
        await RefusedAsync(sender.Api, caseId, message with { Header = Flip(message.Header) });

        var after = await sender.Api.GetCaseAsync(caseId);
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(after.Messages);
    }

    [Fact]
    public async Task AReferralSealedToARecipientsStaleGenerationIsRefused()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "fg");
        using var _ = sender;
        using var __ = recipient;
        var stale = await sender.Workspace.SealAsync(caseId, Content, [recipient.AgencyId]);
        Assert.Equal(2u, await recipient.Admin.PublishNextGenerationAsync());
        var before = await sender.Api.GetCaseAsync(caseId);

        var refusal = await RefusedAsync(sender.Api, caseId, stale);
        Assert.Contains("generation", refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(before.Version, (await sender.Api.GetCaseAsync(caseId)).Version);

        // Sealed again to the current generation, the same content goes through.
        var (messageId, _) = await sender.Workspace.ReferAsync(caseId, Content, [recipient.AgencyId]);
        Assert.Equal(messageId, Assert.Single((await sender.Api.GetCaseAsync(caseId)).Messages).MessageId);
    }

    private static async Task<HubApiException> RefusedAsync(HubApiClient api, Guid caseId, SubmitMessage message)
    {
        var refusal = await Assert.ThrowsAsync<HubApiException>(() => api.SubmitMessageAsync(caseId, message));
        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Equal("Statement does not verify", refusal.Title);
        return refusal;
    }

    private static byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }
}

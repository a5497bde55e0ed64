using System.Net;
using Hub.Client.Api;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>An envelope over the inline limit is refused with 413 and nothing is journaled; one under it goes through.</summary>
public sealed class EnvelopeLimitTests(SmallLimitHub hub) : IClassFixture<SmallLimitHub>
{
    [Fact]
    public async Task AnOversizedEnvelopeIsAPayloadTooLargeProblemAndWritesNothing()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "lm");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var before = await sender.Api.GetCaseAsync(caseId);

        var tooLarge = await sender.Workspace.SealAsync(caseId, new byte[SmallLimitHub.Limit * 2], [recipient.AgencyId]);
        var refusal = await Assert.ThrowsAsync<HubApiException>(() => sender.Api.SubmitMessageAsync(caseId, tooLarge));
        var fits = await sender.Workspace.SealAsync(caseId, new byte[SmallLimitHub.Limit / 4], [recipient.AgencyId]);
        await sender.Api.SubmitMessageAsync(caseId, fits);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refusal.Status);
        Assert.Contains(SmallLimitHub.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Detail, StringComparison.Ordinal);
        var after = await sender.Api.GetCaseAsync(caseId);
        Assert.Equal(fits.MessageId, Assert.Single(after.Messages).MessageId);
        Assert.True(after.Version > before.Version);
    }
}

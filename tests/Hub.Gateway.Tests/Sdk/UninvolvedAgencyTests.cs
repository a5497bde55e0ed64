using System.Net;
using System.Text;
using Hub.Client.Api;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Testing;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>To an agency not in a case, the case does not exist: 404 on every case endpoint, nothing in its inbox, no push.</summary>
[Collection(SharedHubGroup.Name)]
public sealed class UninvolvedAgencyTests(SharedHub hub)
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("https://uninvolved.example/item/9 (synthetic)");

    [Theory]
    [InlineData("investigator@de-police.test")]
    [InlineData("analyst@de-hotline.test")]
    [InlineData("liaison@int-liaison.test")]
    [InlineData("admin@fr-police.test")]
    public async Task EveryCaseEndpointIsNotFoundForAnUninvolvedAgencyAndNothingReachesIt(string outsiderUser)
    {
        var world = SdkWorld.Over(hub);
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(world, "um");
        using var _ = sender;
        using var __ = recipient;
        var outsiderEndpoint = await world.SignInAsync(outsiderUser);
        using var outsider = new HubApiClient(outsiderEndpoint);
        await using var outsiderFeed = await FeedRecorder.StartAsync(outsiderEndpoint);
        var me = await outsiderFeed.Feed.WhoAmIAsync();
        Assert.Equal(outsiderUser.Split('@')[1].Replace(".test", string.Empty, StringComparison.Ordinal), me.AgencyId);

        var (messageId, _) = await sender.Workspace.ReferAsync(caseId, Content, [recipient.AgencyId]);
        var resubmission = await sender.Workspace.SealAsync(caseId, Content, [recipient.AgencyId]);
        await recipient.Api.DecideAsync(caseId, new DecideReferral(Guid.NewGuid(), RecipientStatus.Acknowledged));

        var calls = new (string Name, Func<Task> Call)[]
        {
            ("GET case", () => outsider.GetCaseAsync(caseId)),
            ("decisions", () => outsider.DecideAsync(caseId, new DecideReferral(Guid.NewGuid(), RecipientStatus.Accepted))),
            ("forwards", () => outsider.RequestForwardAsync(caseId, new RequestForward(Guid.NewGuid(), me.AgencyId))),
            ("consents", () => outsider.DecideConsentAsync(caseId, new DecideConsent(Guid.NewGuid(), me.AgencyId, true))),
            ("hold", () => outsider.PlaceHoldAsync(caseId, new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(1), HoldReason.Other))),
            ("hold/lift", () => outsider.LiftHoldAsync(caseId, new LiftHold(Guid.NewGuid()))),
            ("takedown", () => outsider.RecordTakedownAsync(caseId, new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent))),
            ("outcomes", () => outsider.RecordOutcomeAsync(caseId, new RecordOutcome(Guid.NewGuid(), CaseOutcome.Closed))),
            ("messages", () => outsider.SubmitMessageAsync(caseId, resubmission with { CommandId = Guid.NewGuid(), MessageId = Guid.NewGuid() })),
            ("envelope", () => outsider.GetEnvelopeAsync(caseId, messageId)),
            ("attachment header", () => outsider.GetAttachmentHeaderAsync(caseId, messageId, Guid.NewGuid())),
            ("rewraps", () => outsider.AddRewrapAsync(caseId, new AddRewrap(
                Guid.NewGuid(), messageId, new RecipientKey(me.AgencyId, 1), "outsider-laptop", resubmission.Header, resubmission.Statement, resubmission.Signature))),
        };
        foreach (var (name, call) in calls)
        {
            var refusal = await Assert.ThrowsAsync<HubApiException>(call);
            Assert.True(refusal.Status == HttpStatusCode.NotFound, $"{name}: {(int)refusal.Status} {refusal.Detail}");
            foreach (var secret in new[] { sender.AgencyId, recipient.AgencyId, caseId.ToString(), messageId.ToString() })
            {
                Assert.DoesNotContain(secret, refusal.Message, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The case did move on (the recipient acknowledged), but none of it reached the outsider.
        Assert.Equal(RecipientStatus.Acknowledged, (await sender.Api.GetCaseAsync(caseId)).Participants.Single(p => p.AgencyId == recipient.AgencyId).Status);
        await outsiderFeed.Feed.CatchUpAsync();
        Assert.DoesNotContain(outsiderFeed.Items, i => i.CaseId == caseId);
        Assert.DoesNotContain((await outsider.ReadInboxAsync(0, 500)).Items, i => i.CaseId == caseId);
    }
}

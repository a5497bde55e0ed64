using System.Net;
using System.Text;
using Hub.Client.Api;
using Hub.Client.Referrals;
using Hub.Client.Wire;
using Hub.Testing;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>
/// DESIGN §1, end to end through the SDK against a real gateway process with real device and agency keys:
/// refer, read, forward with consent, re-wrap, restart the hub, hold, lift, notice, removal.
/// </summary>
public sealed class ReferenceStoryTests : IDisposable
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes(
        "Referral: https://images.hosting-nl.example/gallery/4711 assessed as internationally illegal (synthetic).");

    private readonly string _data = Directory.CreateTempSubdirectory("hub-story-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TheReferenceStoryRunsEndToEndAcrossAHubRestart()
    {
        var gateway = await GatewayProcess.StartAsync(_data);
        var port = gateway.BaseAddress.Port;
        try
        {
            var world = SdkWorld.Over(gateway);
            using var be = await AgencyDesk.SetUpAsync(world, "be-hotline", "analyst");
            using var nlHotline = await AgencyDesk.SetUpAsync(world, "nl-hotline", "analyst");
            using var liaison = await AgencyDesk.SetUpAsync(world, "eu-liaison", "liaison");
            using var police = await AgencyDesk.SetUpAsync(world, "nl-police", "investigator");
            using var outsider = new HubApiClient(await world.SignInAsync("investigator@de-police.test"));
            await using var beFeed = await FeedRecorder.StartAsync(be.Duty);
            await using var nlFeed = await FeedRecorder.StartAsync(nlHotline.Duty);
            await using var liaisonFeed = await FeedRecorder.StartAsync(liaison.Duty);
            await using var policeFeed = await FeedRecorder.StartAsync(police.Duty);
            await using var outsiderFeed = await FeedRecorder.StartAsync(outsider.Endpoint);

            // 1. The Belgian hotline opens the case: hosted in NL, Normal, H2 / TLP:AMBER.
            var caseId = Guid.NewGuid();
            var reportedAt = DateTimeOffset.UtcNow.AddHours(-2);
            var opened = await be.Api.OpenCaseAsync(new OpenCaseRequest(
                caseId, Guid.NewGuid(), Priority.Normal, CaseCategory.AbuseMaterial, "NL", new CaseHandling("H2", "TLP:AMBER"), reportedAt));
            Assert.Equal(("be-hotline", Priority.Normal, "NL"), (opened.Originator, opened.Priority, opened.HostingCountry));
            Assert.Equal(ParticipantRole.Originator, Assert.Single(opened.Participants).Role);

            // 2. Routing suggests the Dutch hotline and the liaison point; the analyst refers to both.
            var routes = await be.Api.SuggestRoutesAsync("NL", Priority.Normal);
            Assert.Contains(routes, r => r.AgencyId == "nl-hotline");
            Assert.Contains(routes, r => r.AgencyId == "eu-liaison");
            var (messageId, _) = await be.Workspace.ReferAsync(caseId, Content, ["nl-hotline", "eu-liaison"]);

            await nlFeed.WaitForAsync(caseId, InboxItemKind.ReferralReceived);
            await liaisonFeed.WaitForAsync(caseId, InboxItemKind.ReferralReceived);
            foreach (var recipient in new[] { nlHotline, liaison })
            {
                var read = await recipient.Workspace.OpenAsync(caseId, messageId);
                Assert.Equal(Content, read.Plaintext);
                Assert.Equal(("be-hotline", caseId), (read.Statement.SenderAgencyId, read.Statement.CaseId));
                Assert.Equal([HandlingCodes.H2, HandlingCodes.TlpAmber], read.Statement.HandlingCodes);
                var view = await recipient.Api.GetCaseAsync(caseId);
                Assert.Equal(["be-hotline", "eu-liaison", "nl-hotline"], view.Participants.Select(p => p.AgencyId).Order());
                Assert.True(Assert.Single(view.Messages).Readable);
            }

            // 3. The liaison asks to forward to the Dutch police; H2 needs the originator's consent.
            await liaison.Api.RequestForwardAsync(caseId, new RequestForward(Guid.NewGuid(), "nl-police"));
            await beFeed.WaitForAsync(caseId, InboxItemKind.ForwardRequested);
            Assert.Equal("nl-police", Assert.Single((await be.Api.GetCaseAsync(caseId)).PendingForwards).ToAgency);
            await be.Api.DecideConsentAsync(caseId, new DecideConsent(Guid.NewGuid(), "nl-police", Grant: true));
            await policeFeed.WaitForAsync(caseId, InboxItemKind.ParticipantAdded);
            var beforeRewrap = await police.Api.GetCaseAsync(caseId);
            Assert.Equal(ParticipantRole.Forwarded, beforeRewrap.Participants.Single(p => p.AgencyId == "nl-police").Role);
            Assert.False(Assert.Single(beforeRewrap.Messages).Readable);
            var notYet = await Assert.ThrowsAsync<HubApiException>(() => police.Api.GetEnvelopeAsync(caseId, messageId));
            Assert.Equal(HttpStatusCode.Forbidden, notYet.Status);

            await liaison.Workspace.RewrapAsync(caseId, messageId, "nl-police");
            await policeFeed.WaitForAsync(caseId, InboxItemKind.ReferralReceived);

            // The hub restarts (SIGTERM) between steps 3 and 4, on the same journal and address.
            Assert.Equal(0, await gateway.TerminateAsync());
            await gateway.DisposeAsync();
            gateway = await GatewayProcess.StartAsync(_data, port);

            // 4. The Dutch police open the forwarded referral, accept it and place a 72-hour hold.
            var forwarded = await police.Workspace.OpenAsync(caseId, messageId);
            Assert.Equal(Content, forwarded.Plaintext);
            await police.Api.DecideAsync(caseId, new DecideReferral(Guid.NewGuid(), RecipientStatus.Acknowledged));
            await police.Api.DecideAsync(caseId, new DecideReferral(Guid.NewGuid(), RecipientStatus.Accepted));
            var until = DateTimeOffset.UtcNow.AddHours(72);
            await police.Api.PlaceHoldAsync(caseId, new PlaceHold(Guid.NewGuid(), until, HoldReason.InvestigationOngoing));

            // Live feeds reconnected on their own and catch up with what happened after the restart.
            await nlFeed.WaitForAsync(caseId, InboxItemKind.HoldChanged);
            var held = (await nlHotline.Api.GetCaseAsync(caseId)).Takedown;
            Assert.Equal(TakedownStatus.Held, held.Status);
            Assert.Equal(until.ToUnixTimeSeconds(), held.HeldUntil!.Value.ToUnixTimeSeconds());
            Assert.Equal("PoliceUnit/NL", held.HeldBy);
            Assert.Null(held.Reason);
            var liaisonHold = (await liaison.Api.GetCaseAsync(caseId)).Takedown;
            Assert.Equal(("nl-police", HoldReason.InvestigationOngoing), (liaisonHold.HeldBy, liaisonHold.Reason));
            Assert.Equal(RecipientStatus.Accepted, (await be.Api.GetCaseAsync(caseId)).Participants.Single(p => p.AgencyId == "nl-police").Status);
            var refused = await Assert.ThrowsAsync<HubApiException>(() => nlHotline.Api.RecordTakedownAsync(caseId, new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent)));
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);

            // 5. Hold lifted; notice sent; removal confirmed; every party sees the time from report to removal.
            await police.Api.LiftHoldAsync(caseId, new LiftHold(Guid.NewGuid()));
            await nlHotline.Api.RecordTakedownAsync(caseId, new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent));
            await nlHotline.Api.RecordTakedownAsync(caseId, new RecordTakedown(Guid.NewGuid(), TakedownStep.Removed));
            await beFeed.WaitForAsync(caseId, InboxItemKind.TakedownChanged);
            foreach (var party in new[] { be, nlHotline, liaison, police })
            {
                var takedown = (await party.Api.GetCaseAsync(caseId)).Takedown;
                Assert.Equal(TakedownStatus.Removed, takedown.Status);
                Assert.NotNull(takedown.ReportToRemoval);
                Assert.InRange(takedown.ReportToRemoval!.Value, TimeSpan.FromHours(2), TimeSpan.FromHours(3));
            }

            // A non-participant sees nothing: no case, no envelope, no inbox entry, no push.
            Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HubApiException>(() => outsider.GetCaseAsync(caseId))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HubApiException>(() => outsider.GetEnvelopeAsync(caseId, messageId))).Status);
            await outsiderFeed.Feed.CatchUpAsync();
            Assert.DoesNotContain(outsiderFeed.Items, i => i.CaseId == caseId);
            Assert.DoesNotContain((await outsider.ReadInboxAsync(0, 500)).Items, i => i.CaseId == caseId);

            // Every feed delivered its inbox in order, each entry once, across the restart.
            foreach (var feed in new[] { beFeed, nlFeed, liaisonFeed, policeFeed })
            {
                var seqs = feed.Items.Select(i => i.Seq).ToList();
                Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
            }
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }
}

using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;
using static Hub.Silo.Tests.Cases.CaseDriver;

namespace Hub.Silo.Tests.Cases;

/// <summary>Forwarding under handling codes, re-wraps, holds that hotlines must respect, removal and outcomes.</summary>
public sealed class ForwardingAndTakedownTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    private static AddRewrap Rewrap(Guid messageId, string agency) =>
        new(Guid.NewGuid(), messageId, new RecipientKey(agency, 1), "device-l", Header: [7, 7, 7], Statement: [5, 5], Signature: new byte[64]);

    [Fact]
    public async Task AnH2ForwardWaitsForTheOriginatorsConsentThenNeedsARewrapToRead()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync(handling: H2Amber);
        var referral = Guid.NewGuid();
        await driver.ReferAsync(referral, "nl-hotline", "eu-liaison");
        var liaison = As("eu-liaison", "liaison");

        var requested = await driver.Grain.RequestForwardAsync(liaison, new RequestForward(Guid.NewGuid(), "nl-police"));
        var pending = await driver.Grain.GetViewAsync(liaison);
        var tooEarly = await driver.Grain.GetViewAsync(As("nl-police", "investigator"));
        var granted = await driver.Grain.DecideConsentAsync(As("be-hotline", "analyst"), new DecideConsent(Guid.NewGuid(), "nl-police", Grant: true));
        var police = As("nl-police", "investigator");
        var beforeRewrap = await driver.Grain.FetchEnvelopeAsync(police, referral);
        var rewrapped = await driver.Grain.AddRewrapAsync(liaison, Rewrap(referral, "nl-police"));
        var afterRewrap = await driver.Grain.FetchEnvelopeAsync(police, referral);

        Assert.Equal(CaseResultStatus.Done, requested.Status);
        Assert.Equal("nl-police", Assert.Single(pending!.PendingForwards).ToAgency);
        Assert.Null(tooEarly);
        Assert.Contains(await driver.WaitForInboxAsync("be-hotline", "analyst", items => items.Any(i => i.Kind == InboxItemKind.ForwardRequested)), i => i.Kind == InboxItemKind.ForwardRequested);
        Assert.Equal(CaseResultStatus.Done, granted.Status);
        Assert.Equal(CaseResultStatus.Forbidden, beforeRewrap.Result.Status);
        Assert.Equal(CaseResultStatus.Done, rewrapped.Status);
        Assert.Equal([7, 7, 7], afterRewrap.Envelope!.Header);
        Assert.Equal([5, 5], afterRewrap.Envelope.Rewrap!.Statement);
        Assert.Equal(referral.ToByteArray(), afterRewrap.Envelope.Payload);
        Assert.Equal("eu-liaison", afterRewrap.Envelope.Rewrap!.ByAgency);
        Assert.Contains(await driver.WaitForInboxAsync("nl-police", "investigator", items => items.Any(i => i.Kind == InboxItemKind.ReferralReceived)), i => i.Kind == InboxItemKind.ReferralReceived);
    }

    [Fact]
    public async Task ADeniedForwardAddsNobody()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync(handling: new HandlingCodes("H1", "TLP:RED"));
        await driver.ReferAsync(Guid.NewGuid(), "eu-liaison");
        await driver.Grain.RequestForwardAsync(As("eu-liaison", "liaison"), new RequestForward(Guid.NewGuid(), "de-police"));

        var denied = await driver.Grain.DecideConsentAsync(As("be-hotline", "analyst"), new DecideConsent(Guid.NewGuid(), "de-police", Grant: false));

        Assert.Equal(CaseResultStatus.Done, denied.Status);
        Assert.Null(await driver.Grain.GetViewAsync(As("de-police", "investigator")));
        Assert.Empty((await driver.Grain.GetViewAsync(As("be-hotline", "analyst")))!.PendingForwards);
    }

    [Fact]
    public async Task AGreenForwardNeedsNoConsent()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync(handling: new HandlingCodes("H1", "TLP:GREEN"));
        await driver.ReferAsync(Guid.NewGuid(), "eu-liaison");

        await driver.Grain.RequestForwardAsync(As("eu-liaison", "liaison"), new RequestForward(Guid.NewGuid(), "fr-police"));

        Assert.NotNull(await driver.Grain.GetViewAsync(As("fr-police", "investigator")));
    }

    [Fact]
    public async Task OnlyTheOriginatorGrantsConsent()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync(handling: H2Amber);
        await driver.ReferAsync(Guid.NewGuid(), "eu-liaison", "nl-hotline");
        await driver.Grain.RequestForwardAsync(As("eu-liaison", "liaison"), new RequestForward(Guid.NewGuid(), "nl-police"));

        var byRecipient = await driver.Grain.DecideConsentAsync(As("nl-hotline", "analyst"), new DecideConsent(Guid.NewGuid(), "nl-police", true));

        Assert.Equal(CaseResultStatus.Forbidden, byRecipient.Status);
    }

    [Fact]
    public async Task AHoldBlocksTheNoticeAndHotlinesSeeOnlyKindAndCountry()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "nl-hotline", "nl-police");
        var until = DateTimeOffset.UtcNow.AddHours(72);

        var byAnalyst = await driver.Grain.PlaceHoldAsync(As("nl-hotline", "analyst"), new PlaceHold(Guid.NewGuid(), until, HoldReason.InvestigationOngoing));
        var held = await driver.Grain.PlaceHoldAsync(As("nl-police", "investigator"), new PlaceHold(Guid.NewGuid(), until, HoldReason.InvestigationOngoing));
        var hotlineView = (await driver.Grain.GetViewAsync(As("nl-hotline", "analyst")))!.Takedown;
        var policeView = (await driver.Grain.GetViewAsync(As("nl-police", "investigator")))!.Takedown;
        var notice = await driver.Grain.RecordTakedownAsync(As("nl-hotline", "analyst"), new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent));

        Assert.Equal(CaseResultStatus.Forbidden, byAnalyst.Status);
        Assert.Equal(CaseResultStatus.Done, held.Status);
        Assert.Equal(TakedownStatus.Held, hotlineView.Status);
        Assert.Equal("PoliceUnit/NL", hotlineView.HeldBy);
        Assert.Null(hotlineView.Reason);
        Assert.Equal("nl-police", policeView.HeldBy);
        Assert.Equal(HoldReason.InvestigationOngoing, policeView.Reason);
        Assert.Equal(CaseResultStatus.Conflict, notice.Status);
        Assert.Contains("hold", notice.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LiftingTheHoldLetsTheNoticeGoAndRemovalIsTimedFromTheReport()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "nl-hotline", "nl-police");
        var police = As("nl-police", "investigator");
        var hotline = As("nl-hotline", "analyst");
        await driver.Grain.PlaceHoldAsync(police, new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(3), HoldReason.CoordinatedAction));

        var liftByOther = await driver.Grain.LiftHoldAsync(As("be-hotline", "analyst"), new LiftHold(Guid.NewGuid()));
        var lifted = await driver.Grain.LiftHoldAsync(police, new LiftHold(Guid.NewGuid()));
        var notice = await driver.Grain.RecordTakedownAsync(hotline, new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent));
        var holdAfterNotice = await driver.Grain.PlaceHoldAsync(police, new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(1), HoldReason.InvestigationOngoing));
        var removed = await driver.Grain.RecordTakedownAsync(hotline, new RecordTakedown(Guid.NewGuid(), TakedownStep.Removed));

        Assert.Equal(CaseResultStatus.Forbidden, liftByOther.Status);
        Assert.Equal(CaseResultStatus.Done, lifted.Status);
        Assert.Equal(CaseResultStatus.Done, notice.Status);
        Assert.Equal(CaseResultStatus.Conflict, holdAfterNotice.Status);
        Assert.Equal(CaseResultStatus.Done, removed.Status);
        var takedown = (await driver.Grain.GetViewAsync(As("be-hotline", "analyst")))!.Takedown;
        Assert.Equal(TakedownStatus.Removed, takedown.Status);
        Assert.InRange(takedown.ReportToRemoval!.Value, TimeSpan.FromHours(2), TimeSpan.FromHours(3));
    }

    [Fact]
    public async Task HoldsAreBoundedAndCannotBeInThePast()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "nl-police");
        var police = As("nl-police", "investigator");

        var past = await driver.Grain.PlaceHoldAsync(police, new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1), HoldReason.Other));
        var tooLong = await driver.Grain.PlaceHoldAsync(police, new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(365), HoldReason.Other));

        Assert.Equal(CaseResultStatus.Invalid, past.Status);
        Assert.Equal(CaseResultStatus.Invalid, tooLong.Status);
    }

    [Fact]
    public async Task PoliceRecordVictimsAndTheOriginatorCloses()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "nl-police");
        var police = As("nl-police", "investigator");

        var noCount = await driver.Grain.RecordOutcomeAsync(police, new RecordOutcome(Guid.NewGuid(), CaseOutcome.VictimIdentified));
        var victims = await driver.Grain.RecordOutcomeAsync(police, new RecordOutcome(Guid.NewGuid(), CaseOutcome.VictimIdentified, 2));
        var closedByPolice = await driver.Grain.RecordOutcomeAsync(police, new RecordOutcome(Guid.NewGuid(), CaseOutcome.Closed));
        var closed = await driver.Grain.RecordOutcomeAsync(As("be-hotline", "analyst"), new RecordOutcome(Guid.NewGuid(), CaseOutcome.Closed));

        Assert.Equal(CaseResultStatus.Invalid, noCount.Status);
        Assert.Equal(CaseResultStatus.Done, victims.Status);
        Assert.Equal(CaseResultStatus.Forbidden, closedByPolice.Status);
        Assert.Equal(CaseResultStatus.Done, closed.Status);
        var outcomes = (await driver.Grain.GetViewAsync(police))!.Outcomes;
        Assert.Equal(2, outcomes.Single(o => o.Outcome == CaseOutcome.VictimIdentified).Victims);
    }

    [Fact]
    public async Task EveryEnvelopeFetchIsJournaled()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        var referral = Guid.NewGuid();
        await driver.ReferAsync(referral, "nl-police");
        var before = await driver.JournalVersionAsync();

        var fetched = await driver.Grain.FetchEnvelopeAsync(As("nl-police", "investigator"), referral);
        await driver.Grain.FetchEnvelopeAsync(As("nl-police", "investigator"), referral);

        Assert.Equal(referral.ToByteArray(), fetched.Envelope!.Payload);
        Assert.Equal(before + 2, await driver.JournalVersionAsync());
    }

    [Fact]
    public async Task InboxSequencesAreGapFreeAndRedeliveriesAreIgnored()
    {
        var agency = "us-police";
        var inbox = fixture.Client.GetGrain<IAgencyInboxGrain>(agency);
        var caseId = Guid.NewGuid();
        var reader = As(agency, "investigator");
        var start = (await inbox.ReadAsync(reader, 0, 500))!.Count;

        await inbox.DeliverAsync(new InboxNotice(caseId, 2, InboxItemKind.ReferralReceived, DateTimeOffset.UtcNow));
        await inbox.DeliverAsync(new InboxNotice(caseId, 2, InboxItemKind.ReferralReceived, DateTimeOffset.UtcNow));
        await inbox.DeliverAsync(new InboxNotice(caseId, 1, InboxItemKind.ReferralReceived, DateTimeOffset.UtcNow));
        await inbox.DeliverAsync(new InboxNotice(caseId, 3, InboxItemKind.HoldChanged, DateTimeOffset.UtcNow));

        var all = (await inbox.ReadAsync(reader, 0, 500))!;
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(i => i.Seq));
        Assert.Equal(start + 2, all.Count);
        Assert.Null(await inbox.ReadAsync(As("us-hotline", "analyst"), 0, 10));
    }
}

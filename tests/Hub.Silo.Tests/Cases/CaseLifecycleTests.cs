using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;
using static Hub.Silo.Tests.Cases.CaseDriver;

namespace Hub.Silo.Tests.Cases;

/// <summary>Opening, referring, deciding, and what non-participants can learn (nothing).</summary>
public sealed class CaseLifecycleTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    [Fact]
    public async Task AHotlineAnalystOpensACaseAndOnlyTheirAgencySeesIt()
    {
        var driver = new CaseDriver(fixture);

        var opened = await driver.OpenAsync();

        Assert.Equal(CaseResultStatus.Done, opened.Status);
        var view = await driver.Grain.GetViewAsync(As("be-hotline", "analyst"));
        Assert.Equal("be-hotline", view!.Originator);
        Assert.Equal(TakedownStatus.NoticePending, view.Takedown.Status);
        Assert.Null(await driver.Grain.GetViewAsync(As("nl-hotline", "analyst")));
    }

    [Fact]
    public async Task ASubmissionContextTellsParticipantsTheCodesAndWhichMessagesAreStoredAndOutsidersNothing()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync(handling: new HandlingCodes("H2", "TLP:AMBER"));
        var message = Guid.NewGuid();
        await driver.ReferAsync(message, "nl-hotline");

        var stored = await driver.Grain.GetSubmissionContextAsync(As("be-hotline", "analyst"), message);
        var fresh = await driver.Grain.GetSubmissionContextAsync(As("nl-hotline", "analyst"), Guid.NewGuid());

        Assert.Equal(new SubmissionContext(driver.CaseId, new HandlingCodes("H2", "TLP:AMBER"), MessageKnown: true), stored);
        Assert.Equal(new SubmissionContext(driver.CaseId, new HandlingCodes("H2", "TLP:AMBER"), MessageKnown: false), fresh);
        Assert.Null(await driver.Grain.GetSubmissionContextAsync(As("be-police", "investigator"), message));
    }

    [Theory]
    [InlineData("be-police", "investigator")]
    [InlineData("be-hotline", "auditor")]
    [InlineData("eu-liaison", "liaison")]
    public async Task OnlyHotlineAnalystsOpenCases(string agency, string role)
    {
        var driver = new CaseDriver(fixture);

        var result = await driver.OpenAsync(As(agency, role));

        Assert.Equal(CaseResultStatus.Forbidden, result.Status);
        Assert.Equal(0, await driver.JournalVersionAsync());
    }

    [Theory]
    [InlineData("H5", "TLP:AMBER", null)]
    [InlineData("H2", "TLP:WHITE", null)]
    [InlineData("H3", "TLP:RED", null)]
    [InlineData("H1", "TLP:RED", "only H3 has text")]
    public async Task NonCanonicalHandlingCodesAreRefused(string siena, string tlp, string? restriction)
    {
        var driver = new CaseDriver(fixture);

        var result = await driver.OpenAsync(handling: new HandlingCodes(siena, tlp, restriction));

        Assert.Equal(CaseResultStatus.Invalid, result.Status);
        Assert.Equal(0, await driver.JournalVersionAsync());
    }

    [Fact]
    public async Task RetryingTheOpenWithTheSameCommandIdWritesNothingNew()
    {
        var driver = new CaseDriver(fixture);
        var command = Guid.NewGuid();
        var first = await driver.OpenAsync(commandId: command);

        var retry = await driver.OpenAsync(commandId: command);
        var other = await driver.OpenAsync();

        Assert.Equal(first, retry);
        Assert.Equal(CaseResultStatus.Conflict, other.Status);
        Assert.Equal(1, await driver.JournalVersionAsync());
    }

    [Fact]
    public async Task AReferralMakesItsRecipientsParticipantsAndReachesTheirInboxes()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();

        var referred = await driver.ReferAsync(Guid.NewGuid(), "nl-hotline", "eu-liaison");

        Assert.Equal(CaseResultStatus.Done, referred.Status);
        var view = await driver.Grain.GetViewAsync(As("nl-hotline", "analyst"));
        Assert.Equal(RecipientStatus.Delivered, view!.Participants.Single(p => p.AgencyId == "nl-hotline").Status);
        Assert.Equal(InboxItemKind.ReferralReceived, Assert.Single(await driver.WaitForInboxAsync("nl-hotline", "analyst", i => i.Count > 0)).Kind);
        Assert.Equal(InboxItemKind.ReferralReceived, Assert.Single(await driver.WaitForInboxAsync("eu-liaison", "liaison", i => i.Count > 0)).Kind);
        Assert.Empty(await driver.InboxOfCaseAsync("be-hotline", "analyst"));
        Assert.Empty(await driver.InboxOfCaseAsync("nl-police", "investigator"));
    }

    [Fact]
    public async Task H0MaterialCannotBeReferredToAHotline()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync(handling: new HandlingCodes("H0", "TLP:RED"));
        var before = await driver.JournalVersionAsync();

        var toHotline = await driver.ReferAsync(Guid.NewGuid(), "nl-hotline");
        var toPolice = await driver.ReferAsync(Guid.NewGuid(), "nl-police");

        Assert.Equal(CaseResultStatus.Forbidden, toHotline.Status);
        Assert.Equal(CaseResultStatus.Done, toPolice.Status);
        Assert.Equal(before + 1, await driver.JournalVersionAsync());
    }

    [Fact]
    public async Task AMessageMustAlsoBeSealedToTheSendersOwnAgency()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();

        var result = await driver.Grain.SubmitMessageAsync(As("be-hotline", "analyst"), Message(Guid.NewGuid(), MessageKind.Referral, "nl-hotline"));

        Assert.Equal(CaseResultStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task AcknowledgingTwiceIsIdempotentAndDecisionsMoveForwardOnly()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "be-police");
        var police = As("be-police", "investigator");

        await driver.Grain.DecideAsync(police, new DecideReferral(Guid.NewGuid(), RecipientStatus.Acknowledged));
        var version = await driver.JournalVersionAsync();
        var again = await driver.Grain.DecideAsync(police, new DecideReferral(Guid.NewGuid(), RecipientStatus.Acknowledged));
        var accepted = await driver.Grain.DecideAsync(police, new DecideReferral(Guid.NewGuid(), RecipientStatus.Accepted));
        var declined = await driver.Grain.DecideAsync(police, new DecideReferral(Guid.NewGuid(), RecipientStatus.Declined));

        Assert.Equal(CaseResultStatus.Done, again.Status);
        Assert.Equal(version + 1, await driver.JournalVersionAsync());
        Assert.Equal(CaseResultStatus.Done, accepted.Status);
        Assert.Equal(CaseResultStatus.Conflict, declined.Status);
        var participant = (await driver.Grain.GetViewAsync(police))!.Participants.Single(p => p.AgencyId == "be-police");
        Assert.Equal(RecipientStatus.Accepted, participant.Status);
        Assert.NotNull(participant.AcknowledgedAt);
        Assert.Contains(await driver.WaitForInboxAsync("be-hotline", "analyst", items => items.Any(i => i.Kind == InboxItemKind.StatusChanged)), i => i.Kind == InboxItemKind.StatusChanged);
    }

    [Fact]
    public async Task ANonParticipantGetsNotFoundForEveryCommand()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "nl-hotline");
        var outsider = As("de-police", "investigator");
        var version = await driver.JournalVersionAsync();
        var anyMessage = (await driver.Grain.GetViewAsync(As("be-hotline", "analyst")))!.Messages[0].MessageId;

        CaseResult[] results =
        [
            await driver.Grain.DecideAsync(outsider, new DecideReferral(Guid.NewGuid(), RecipientStatus.Acknowledged)),
            await driver.Grain.SubmitMessageAsync(outsider, Message(Guid.NewGuid(), MessageKind.Reply, "de-police")),
            await driver.Grain.RequestForwardAsync(outsider, new RequestForward(Guid.NewGuid(), "de-hotline")),
            await driver.Grain.DecideConsentAsync(outsider, new DecideConsent(Guid.NewGuid(), "de-hotline", true)),
            await driver.Grain.PlaceHoldAsync(outsider, new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(1), HoldReason.InvestigationOngoing)),
            await driver.Grain.LiftHoldAsync(outsider, new LiftHold(Guid.NewGuid())),
            await driver.Grain.RecordTakedownAsync(outsider, new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent)),
            await driver.Grain.RecordOutcomeAsync(outsider, new RecordOutcome(Guid.NewGuid(), CaseOutcome.InvestigationOpened)),
            (await driver.Grain.FetchEnvelopeAsync(outsider, anyMessage)).Result,
        ];

        Assert.All(results, r => Assert.Equal(CaseResultStatus.NotFound, r.Status));
        Assert.Null(await driver.Grain.GetViewAsync(outsider));
        Assert.Equal(version, await driver.JournalVersionAsync());
    }

    [Fact]
    public async Task ACommandWithoutACommandIdIsInvalid()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "be-police");

        var result = await driver.Grain.DecideAsync(As("be-police", "investigator"), new DecideReferral(Guid.Empty, RecipientStatus.Acknowledged));

        Assert.Equal(CaseResultStatus.Invalid, result.Status);
    }
}

using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;
using Hub.Silo.Cases;
using static Hub.Silo.Tests.Cases.CaseDriver;

namespace Hub.Silo.Tests.Cases;

/// <summary>Holds end by themselves through a durable reminder; urgent acknowledgement deadlines come from each recipient's SLA.</summary>
public sealed class DeadlineTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    [Fact]
    public async Task AHoldExpiresByItselfAndEveryParticipantHearsOfIt()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "nl-hotline", "nl-police");
        await driver.Grain.PlaceHoldAsync(As("nl-police", "investigator"), new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(2), HoldReason.InvestigationOngoing));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<InboxItem> hotlineInbox = [];
        while (DateTime.UtcNow < deadline)
        {
            hotlineInbox = await driver.InboxOfCaseAsync("nl-hotline", "analyst");
            if (hotlineInbox.Count(i => i.Kind == InboxItemKind.HoldChanged) == 2)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(2, hotlineInbox.Count(i => i.Kind == InboxItemKind.HoldChanged));
        Assert.Equal(InboxItemKind.HoldChanged, (await driver.InboxOfCaseAsync("nl-police", "investigator"))[^1].Kind);
        var takedown = (await driver.Grain.GetViewAsync(As("nl-hotline", "analyst")))!.Takedown;
        Assert.Equal(TakedownStatus.Cleared, takedown.Status);
        Assert.Null(takedown.HeldUntil);
        var notice = await driver.Grain.RecordTakedownAsync(As("nl-hotline", "analyst"), new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent));
        Assert.Equal(CaseResultStatus.Done, notice.Status);
    }

    [Fact]
    public void UrgentRecipientsThatHaveNotAcknowledgedHaveADeadlineFromTheirSla()
    {
        var opened = DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var state = new CaseState();
        var hotline = new CaseAgency("be-hotline", AgencyKind.Hotline, "BE", 30);
        state.Apply(new CaseOpened(opened, "be-hotline", "u", Guid.NewGuid(), hotline, Priority.Urgent, CaseCategory.AbuseMaterial, "BE", new HandlingCodes("H1", "TLP:AMBER"), opened), 1);
        state.Apply(
            new MessageSubmitted(opened, "be-hotline", "u", Guid.NewGuid(), Guid.NewGuid(), MessageKind.Referral, "d", [new RecipientKey("be-police", 1), new RecipientKey("eu-liaison", 1)],
                "h", "p", 1, [1], new byte[64], [new CaseAgency("be-police", AgencyKind.PoliceUnit, "BE", 15), new CaseAgency("eu-liaison", AgencyKind.LiaisonPoint, "NL", 20)]),
            2);
        state.Apply(new ReferralDecided(opened.AddMinutes(5), "eu-liaison", "u", Guid.NewGuid(), RecipientStatus.Acknowledged), 3);

        var deadlines = state.OpenAcknowledgementDeadlines().ToList();
        state.Apply(new SlaBreached(opened.AddMinutes(16), "@hub", "hub-system", Guid.Empty, "be-police", opened.AddMinutes(15)), 4);

        Assert.Equal([("be-police", opened.AddMinutes(15))], deadlines);
        Assert.Empty(state.OpenAcknowledgementDeadlines());
    }
}

using Hub.Contracts.Cases;
using Hub.Contracts.Stats;
using Hub.Silo.Stats;
using static Hub.Silo.Tests.Cases.CaseDriver;

namespace Hub.Silo.Tests.Cases;

/// <summary>Cases feed the network's measurements; percentiles come from constant-memory histograms.</summary>
public sealed class StatsTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    [Fact]
    public async Task AcknowledgementNoticeRemovalAndVictimsAreMeasured()
    {
        var driver = new CaseDriver(fixture);
        await driver.OpenAsync();
        await driver.ReferAsync(Guid.NewGuid(), "nl-hotline", "nl-police");
        await driver.Grain.DecideAsync(As("nl-police", "investigator"), new DecideReferral(Guid.NewGuid(), RecipientStatus.Accepted));
        await driver.Grain.RecordOutcomeAsync(As("nl-police", "investigator"), new RecordOutcome(Guid.NewGuid(), CaseOutcome.VictimIdentified, 3));
        await driver.Grain.RecordTakedownAsync(As("nl-hotline", "analyst"), new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent));
        await driver.Grain.RecordTakedownAsync(As("nl-hotline", "analyst"), new RecordTakedown(Guid.NewGuid(), TakedownStep.Removed));

        // Measures follow the commands; the removal is the last one recorded.
        var stats = await driver.WaitForStatsAsync(s => s.Hops.Any(h => h is { Hop: Hop.Removal, Scope: "agency", Key: "nl-hotline" }));

        Assert.Contains(stats.Hops, h => h is { Hop: Hop.Acknowledge, Scope: "agency", Key: "nl-police" });
        Assert.Contains(stats.Hops, h => h is { Hop: Hop.Decide, Scope: "country", Key: "NL" });
        var removal = stats.Hops.Single(h => h is { Hop: Hop.Removal, Scope: "agency", Key: "nl-hotline" });
        Assert.InRange(removal.P50Seconds, 2 * 3600, 2 * 3600 * 1.1 + 60);
        Assert.True(stats.VictimsIdentified.Single(v => v.Year == DateTime.UtcNow.Year).Victims >= 3);
    }

    [Fact]
    public void PercentilesAreNeverBelowAndAtMostTenPercentAboveTheTrueValue()
    {
        var histogram = new DurationHistogram();
        for (var seconds = 1; seconds <= 1000; seconds++)
        {
            histogram.Add(seconds);
        }

        Assert.InRange(histogram.Percentile(0.5), 500, 550);
        Assert.InRange(histogram.Percentile(0.99), 990, 1089);
        Assert.Equal(1000, histogram.Count);
    }

    [Fact]
    public void YearOnYearChangeComparesWithThePreviousYear()
    {
        var state = new StatsState();
        state.Apply(new MeasuresRecorded(Guid.NewGuid(), 1, [new CaseMeasure(null, "nl-police", "NL", 0, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), 10)]));
        state.Apply(new MeasuresRecorded(Guid.NewGuid(), 1, [new CaseMeasure(null, "de-police", "DE", 0, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), 11)]));

        var years = state.Snapshot().VictimsIdentified;

        Assert.Equal([new VictimYear(2025, 10, null), new VictimYear(2026, 11, 10.0)], years);
    }

    [Fact]
    public void ARepeatedCaseVersionIsSeenAsDelivered()
    {
        var state = new StatsState();
        var caseId = Guid.NewGuid();
        state.Apply(new MeasuresRecorded(caseId, 4, [new CaseMeasure(Hop.Notice, "nl-hotline", "NL", 60, DateTimeOffset.UtcNow)]));

        Assert.True(state.HasSeen(caseId, 4));
        Assert.True(state.HasSeen(caseId, 3));
        Assert.False(state.HasSeen(caseId, 5));
    }
}

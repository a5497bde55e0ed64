namespace Hub.Silo.Tests.Reminders;

/// <summary>
/// What every reminder table of the hub must do (Orleans' reminder table contract as the reminder service relies on
/// it). Each implementation's test class derives from this and says how to open a table on its storage.
/// </summary>
public abstract class ReminderTableContract : IAsyncLifetime
{
    protected static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private IReminderTable _table = null!;

    /// <summary>Opens (and initialises) a table for <paramref name="serviceId"/> on this test's storage; a second call opens the same storage again.</summary>
    protected abstract Task<IReminderTable> OpenAsync(string serviceId);

    public virtual async Task InitializeAsync() => _table = await OpenAsync("hub-test");

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpsertedReminderReadsBackExactlyWithTheReturnedETag()
    {
        var entry = Entry(Grain("case-1"), "takedown-hold", new DateTime(2026, 3, 1, 12, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567));

        var etag = await _table.UpsertRow(entry);
        var read = await _table.ReadRow(entry.GrainId, "takedown-hold");

        Assert.NotNull(read);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal("takedown-hold", read.ReminderName);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task MissingReminderReadsAsNull()
    {
        Assert.Null(await _table.ReadRow(Grain("case-1"), "nothing"));
        Assert.Empty((await _table.ReadRows(Grain("case-1"))).Reminders);
    }

    [Fact]
    public async Task UpsertReplacesTheRowAndIssuesANewETag()
    {
        var grain = Grain("case-1");
        var first = await _table.UpsertRow(Entry(grain, "sla", Start, TimeSpan.FromMinutes(5)));
        var second = await _table.UpsertRow(Entry(grain, "sla", Start.AddHours(1), TimeSpan.FromMinutes(10)));

        Assert.NotEqual(first, second);
        var read = Assert.Single((await _table.ReadRows(grain)).Reminders);
        Assert.Equal(Start.AddHours(1), read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(10), read.Period);
        Assert.Equal(second, read.ETag);
    }

    [Fact]
    public async Task RemoveWithAStaleETagIsRefusedAndKeepsTheRow()
    {
        var grain = Grain("case-1");
        var stale = await _table.UpsertRow(Entry(grain, "sla", Start));
        var current = await _table.UpsertRow(Entry(grain, "sla", Start.AddMinutes(1)));

        Assert.False(await _table.RemoveRow(grain, "sla", stale!));
        Assert.Equal(current, (await _table.ReadRow(grain, "sla"))?.ETag);
    }

    [Fact]
    public async Task RemoveWithTheCurrentETagDeletesOnce()
    {
        var grain = Grain("case-1");
        var etag = await _table.UpsertRow(Entry(grain, "sla", Start));
        await _table.UpsertRow(Entry(grain, "hold", Start));

        Assert.True(await _table.RemoveRow(grain, "sla", etag!));
        Assert.False(await _table.RemoveRow(grain, "sla", etag!));
        Assert.Null(await _table.ReadRow(grain, "sla"));
        Assert.NotNull(await _table.ReadRow(grain, "hold"));
    }

    [Fact]
    public async Task ReadRowsByGrainReturnsOnlyThatGrainsReminders()
    {
        await _table.UpsertRow(Entry(Grain("case-1"), "sla", Start));
        await _table.UpsertRow(Entry(Grain("case-1"), "hold", Start));
        await _table.UpsertRow(Entry(Grain("case-2"), "sla", Start));

        var names = (await _table.ReadRows(Grain("case-1"))).Reminders.Select(r => r.ReminderName).Order();

        Assert.Equal(["hold", "sla"], names);
    }

    [Theory]
    [InlineData(0u, uint.MaxValue)]          // the whole ring but hash 0
    [InlineData(0x4000_0000u, 0xC000_0000u)] // the middle half
    [InlineData(0xC000_0000u, 0x4000_0000u)] // wraps past uint.MaxValue
    [InlineData(uint.MaxValue, 0u)]          // wraps: only hash 0
    [InlineData(0x8000_0000u, 0x8000_0000u)] // begin == end: the whole ring
    public async Task ReadRowsByRangeIsExclusiveOfBeginAndInclusiveOfEnd(uint begin, uint end)
    {
        var grains = await UpsertManyAsync(64);

        var read = (await _table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).ToHashSet();

        var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).ToHashSet();
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task RangeBoundsAreTheGrainHashesThemselves()
    {
        var grains = (await UpsertManyAsync(16)).OrderBy(g => g.GetUniformHashCode()).ToList();
        var low = grains[3].GetUniformHashCode();
        var high = grains[9].GetUniformHashCode();

        var inside = (await _table.ReadRows(low, high)).Reminders.Select(r => r.GrainId).ToHashSet();
        var wrapped = (await _table.ReadRows(high, low)).Reminders.Select(r => r.GrainId).ToHashSet();

        Assert.Equal(grains[4..10].ToHashSet(), inside);               // low excluded, high included
        Assert.Equal([.. grains[..4], .. grains[10..]], wrapped.OrderBy(g => g.GetUniformHashCode()));
    }

    [Fact]
    public async Task ServicesSharingTheStorageSeeOnlyTheirOwnReminders()
    {
        var other = await OpenAsync("hub-other");
        var grain = Grain("case-1");
        await _table.UpsertRow(Entry(grain, "sla", Start));
        await other.UpsertRow(Entry(grain, "sla", Start.AddDays(1)));

        await other.TestOnlyClearTable();

        Assert.Null(await other.ReadRow(grain, "sla"));
        Assert.Equal(Start, (await _table.ReadRow(grain, "sla"))?.StartAt);
        Assert.Single((await _table.ReadRows(0, 0)).Reminders);
    }

    [Fact]
    public async Task RemindersSurviveReopeningTheStorage()
    {
        var grain = Grain("case-1");
        var etag = await _table.UpsertRow(Entry(grain, "hold", Start));

        var reopened = await OpenAsync("hub-test");

        Assert.Equal(etag, (await reopened.ReadRow(grain, "hold"))?.ETag);
    }

    protected async Task<List<GrainId>> UpsertManyAsync(int count)
    {
        var grains = Enumerable.Range(0, count).Select(i => Grain($"case-{i}")).ToList();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "sla", Start));
        }

        return grains;
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    protected static GrainId Grain(string key) => GrainId.Create("case", key);

    protected static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan? period = null) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period ?? TimeSpan.FromMinutes(1) };
}

using Hub.Contracts;
using Hub.Contracts.Agencies;

namespace Hub.Silo.Tests.Agencies;

public sealed class AgencyGrainTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    private static int _next;

    private static string NewId() => $"zz-agency-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}"[..30];

    private static Caller AdminOf(string agency) => new(agency, Guid.NewGuid().ToString(), [HubRoles.AgencyAdmin]);

    private static AgencyProfile Profile(string id, string country = "BE") =>
        new(id, AgencyKind.Hotline, country, "Test Hotline", SlaTargets.Default);

    private Task<long> StreamVersion(string id) => fixture.Journal.GetVersionAsync($"agency/{id}");

    [Fact]
    public async Task OwnAdminCreatesTheAgencyAndTheDirectoryListsIt()
    {
        var id = NewId();

        var result = await fixture.Client.GetGrain<IAgencyGrain>(id).DefineAsync(AdminOf(id), Profile(id));

        Assert.Equal(DefineAgencyOutcome.Created, result.Outcome);
        Assert.Equal(Profile(id), await fixture.Client.GetGrain<IAgencyGrain>(id).GetProfileAsync());
        Assert.Contains(id, await fixture.Client.GetGrain<IAgencyDirectoryGrain>(IAgencyDirectoryGrain.Key).ListAsync());
    }

    [Fact]
    public async Task DefiningTheSameProfileAgainWritesNothing()
    {
        var id = NewId();
        var grain = fixture.Client.GetGrain<IAgencyGrain>(id);
        await grain.DefineAsync(AdminOf(id), Profile(id));

        var again = await grain.DefineAsync(AdminOf(id), Profile(id));

        Assert.Equal(DefineAgencyOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task ChangingTheProfileAppendsAnUpdate()
    {
        var id = NewId();
        var grain = fixture.Client.GetGrain<IAgencyGrain>(id);
        await grain.DefineAsync(AdminOf(id), Profile(id));

        var updated = await grain.DefineAsync(AdminOf(id), Profile(id, country: "NL"));

        Assert.Equal(DefineAgencyOutcome.Updated, updated.Outcome);
        Assert.Equal("NL", (await grain.GetProfileAsync())!.Country);
        Assert.Equal(2, await StreamVersion(id));
    }

    [Fact]
    public async Task AnotherAgencysAdminIsForbiddenAndNothingIsWritten()
    {
        var id = NewId();

        var result = await fixture.Client.GetGrain<IAgencyGrain>(id).DefineAsync(AdminOf("be-hotline"), Profile(id));

        Assert.Equal(DefineAgencyOutcome.Forbidden, result.Outcome);
        Assert.Equal(0, await StreamVersion(id));
        Assert.DoesNotContain(id, await fixture.Client.GetGrain<IAgencyDirectoryGrain>(IAgencyDirectoryGrain.Key).ListAsync());
    }

    [Fact]
    public async Task AnAnalystOfTheSameAgencyIsForbidden()
    {
        var id = NewId();
        var analyst = new Caller(id, "user", [HubRoles.Analyst]);

        var result = await fixture.Client.GetGrain<IAgencyGrain>(id).DefineAsync(analyst, Profile(id));

        Assert.Equal(DefineAgencyOutcome.Forbidden, result.Outcome);
        Assert.Equal(0, await StreamVersion(id));
    }

    [Theory]
    [InlineData("be")]
    [InlineData("BEL")]
    [InlineData("")]
    public async Task AnInvalidCountryIsRefusedWithAReasonAndNothingIsWritten(string country)
    {
        var id = NewId();

        var result = await fixture.Client.GetGrain<IAgencyGrain>(id).DefineAsync(AdminOf(id), Profile(id, country));

        Assert.Equal(DefineAgencyOutcome.Invalid, result.Outcome);
        Assert.Contains("ISO 3166-1", result.Problem, StringComparison.Ordinal);
        Assert.Equal(0, await StreamVersion(id));
    }

    [Fact]
    public async Task AnUndefinedKindIsRefused()
    {
        var id = NewId();

        var result = await fixture.Client.GetGrain<IAgencyGrain>(id).DefineAsync(AdminOf(id), Profile(id) with { Kind = (AgencyKind)42 });

        Assert.Equal(DefineAgencyOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task TheProfileIsRebuiltFromTheJournalAfterDeactivation()
    {
        var id = NewId();
        var grain = fixture.Client.GetGrain<IAgencyGrain>(id);
        await grain.DefineAsync(AdminOf(id), Profile(id, country: "DE"));

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal("DE", (await fixture.Client.GetGrain<IAgencyGrain>(id).GetProfileAsync())!.Country);
    }
}

using Hub.Contracts.Cases;
using static Hub.Silo.Tests.Cases.CaseDriver;

namespace Hub.Silo.Tests.Cases;

/// <summary>Agency ids in commands that no agency can have: a precise refusal that writes nothing, never a fault.</summary>
public sealed class AgencyIdInputTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a\u0001b")]
    [InlineData("BE-Hotline")]
    public async Task AReferralOrForwardToAnIdNoAgencyCanHaveIsInvalidAndWritesNothing(string agencyId)
    {
        var driver = new CaseDriver(fixture);
        Assert.Equal(CaseResultStatus.Done, (await driver.OpenAsync(handling: new HandlingCodes("H1", "TLP:GREEN"))).Status);
        Assert.Equal(CaseResultStatus.Done, (await driver.ReferAsync(Guid.NewGuid(), "eu-liaison")).Status);
        var before = await driver.JournalVersionAsync();

        var referral = await driver.ReferAsync(Guid.NewGuid(), agencyId);
        var forward = await driver.Grain.RequestForwardAsync(As("eu-liaison", "liaison"), new RequestForward(Guid.NewGuid(), agencyId));

        Assert.Equal(CaseResultStatus.Invalid, referral.Status);
        Assert.Equal(CaseResultStatus.Invalid, forward.Status);
        Assert.Equal(before, await driver.JournalVersionAsync());
    }
}

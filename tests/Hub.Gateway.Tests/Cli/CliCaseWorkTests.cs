using System.Text;
using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Gateway.Tests.Sdk;


namespace Hub.Gateway.Tests.Cli;

/// <summary>Case work through `hub` as the people of the reference story do it; the referral itself is sealed by the SDK.</summary>
public sealed class CliCaseWorkTests(GatewayProcessFixture fixture) : IClassFixture<GatewayProcessFixture>, IDisposable
{
    private readonly HubCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task AnalystAndInvestigatorWorkACaseFromOpeningToRemoval()
    {
        var hub = fixture.Gateway.BaseAddress.ToString();
        var world = SdkWorld.Over(fixture.Gateway);
        using var hotline = await AgencyDesk.SetUpAsync(world, "be-hotline", "analyst");
        using var police = await AgencyDesk.SetUpAsync(world, "nl-police", "investigator");
        await _cli.RunAsync("login", "--hub", hub, "--user", "analyst@be-hotline.test", "--profile", "be");
        await _cli.RunAsync("login", "--hub", hub, "--user", "investigator@nl-police.test", "--profile", "nl");

        var opened = await _cli.RunAsync("case", "open", "--hosting-country", "NL", "--siena", "H2", "--tlp", "TLP:AMBER", "--profile", "be");
        var caseId = Guid.Parse(opened.Output.Trim());
        await hotline.Workspace.ReferAsync(caseId, Encoding.UTF8.GetBytes("https://cli.example/item/1 (synthetic)"), ["nl-police"]);
        var ack = await _cli.RunAsync("ack", caseId.ToString(), "--profile", "nl");
        var hold = await _cli.RunAsync("hold", "place", caseId.ToString(), "--until", DateTimeOffset.UtcNow.AddHours(72).ToString("O"), "--profile", "nl");
        var policeView = JsonDocument.Parse((await _cli.RunAsync("case", "show", caseId.ToString(), "--json", "--profile", "nl")).Output).RootElement;
        var blocked = await _cli.RunAsync("takedown", "notice", caseId.ToString(), "--profile", "be");
        var lift = await _cli.RunAsync("hold", "lift", caseId.ToString(), "--profile", "nl");
        var notice = await _cli.RunAsync("takedown", "notice", caseId.ToString(), "--profile", "be");
        var removed = await _cli.RunAsync("takedown", "removed", caseId.ToString(), "--profile", "be");
        var shown = await _cli.RunAsync("case", "show", caseId.ToString(), "--profile", "be");

        Assert.Equal(0, opened.ExitCode);
        Assert.Equal((0, 0), (ack.ExitCode, hold.ExitCode));
        Assert.Equal("nl-police", policeView.GetProperty("takedown").GetProperty("heldBy").GetString());
        Assert.Equal("Acknowledged", policeView.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("agencyId").GetString() == "nl-police").GetProperty("status").GetString());
        Assert.Equal(5, blocked.ExitCode);
        Assert.Contains("409", blocked.Error, StringComparison.Ordinal);
        Assert.Contains("hold", blocked.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((0, 0, 0), (lift.ExitCode, notice.ExitCode, removed.ExitCode));
        Assert.Contains("Takedown: Removed", shown.Output, StringComparison.Ordinal);
        Assert.Contains("report to removal", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencyOutsideTheCaseIsToldItDoesNotExist()
    {
        var hub = fixture.Gateway.BaseAddress.ToString();
        await _cli.RunAsync("login", "--hub", hub, "--user", "analyst@de-hotline.test", "--profile", "de");
        await _cli.RunAsync("login", "--hub", hub, "--user", "investigator@us-police.test", "--profile", "us");
        var caseId = (await _cli.RunAsync("case", "open", "--hosting-country", "DE", "--profile", "de")).Output.Trim();

        var outsider = await _cli.RunAsync("case", "show", caseId, "--profile", "us");

        Assert.Equal(5, outsider.ExitCode);
        Assert.StartsWith("hub: 404", outsider.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Testing;

namespace Hub.Gateway.Tests.Cli;

/// <summary>The `hub` command line against a real gateway process: sign-in profiles, reading the network, clear failures.</summary>
public sealed class CliSessionTests(GatewayProcessFixture fixture) : IClassFixture<GatewayProcessFixture>, IDisposable
{
    private readonly HubCli _cli = new();

    private GatewayProcess Gateway => fixture.Gateway;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ASignedInAnalystReadsTheNetworkInTextAndJson()
    {
        var hub = Gateway.BaseAddress.ToString();

        var login = await _cli.RunAsync("login", "--hub", hub, "--user", "analyst@be-hotline.test");
        var whoami = await _cli.RunAsync("whoami", "--json");
        var agencies = await _cli.RunAsync("agencies");
        var route = await _cli.RunAsync("route", "--hosting-country", "NL", "--priority", "Urgent", "--json");
        var inbox = await _cli.RunAsync("inbox", "--json");
        var stats = await _cli.RunAsync("stats", "--json");

        Assert.Equal(0, login.ExitCode);
        Assert.Contains("for be-hotline", login.Output, StringComparison.Ordinal);
        Assert.Equal("be-hotline", JsonDocument.Parse(whoami.Output).RootElement.GetProperty("agencyId").GetString());
        Assert.Contains("nl-police", agencies.Output, StringComparison.Ordinal);
        var suggested = JsonDocument.Parse(route.Output).RootElement.EnumerateArray().Select(s => s.GetProperty("agencyId").GetString()).ToList();
        Assert.Contains("nl-hotline", suggested);
        Assert.Contains("eu-liaison", suggested);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(inbox.Output).RootElement.ValueKind);
        Assert.True(JsonDocument.Parse(stats.Output).RootElement.TryGetProperty("hops", out _));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_cli.ConfigDirectory, "profiles.json")));
        }
    }

    [Fact]
    public async Task ProfilesKeepSeveralAgenciesApart()
    {
        var hub = Gateway.BaseAddress.ToString();
        await _cli.RunAsync("login", "--hub", hub, "--user", "analyst@be-hotline.test", "--profile", "be");
        await _cli.RunAsync("login", "--hub", hub, "--user", "investigator@nl-police.test", "--profile", "nl");

        var be = await _cli.RunAsync("whoami", "--profile", "be", "--json");
        var current = await _cli.RunAsync("whoami", "--json");
        var loggedOut = await _cli.RunAsync("logout", "--profile", "nl");
        var gone = await _cli.RunAsync("whoami", "--profile", "nl");

        Assert.Equal("be-hotline", JsonDocument.Parse(be.Output).RootElement.GetProperty("agencyId").GetString());
        Assert.Equal("nl-police", JsonDocument.Parse(current.Output).RootElement.GetProperty("agencyId").GetString());
        Assert.Equal(0, loggedOut.ExitCode);
        Assert.Equal(3, gone.ExitCode);
        Assert.Contains("hub login --profile nl", gone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailuresAreOneClearLineWithADocumentedExitCode()
    {
        var notSignedIn = await _cli.RunAsync("agencies");
        var unknownUser = await _cli.RunAsync("login", "--hub", Gateway.BaseAddress.ToString(), "--user", "nobody@nowhere.test");
        var unreachable = await _cli.RunAsync("login", "--hub", "http://127.0.0.1:9", "--user", "analyst@be-hotline.test");

        Assert.Equal((3, 5, 4), (notSignedIn.ExitCode, unknownUser.ExitCode, unreachable.ExitCode));
        Assert.All(new[] { notSignedIn.Error, unknownUser.Error, unreachable.Error }, error =>
        {
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("hub: ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("login")]
    [InlineData("whoami")]
    [InlineData("agencies")]
    [InlineData("route")]
    [InlineData("inbox")]
    [InlineData("stats")]
    [InlineData("device init")]
    [InlineData("device show")]
    [InlineData("device enroll")]
    [InlineData("device revoke")]
    [InlineData("agency keys")]
    [InlineData("case show")]
    [InlineData("refer")]
    [InlineData("reply")]
    [InlineData("forward")]
    [InlineData("consent")]
    [InlineData("audit export")]
    [InlineData("attachment get")]
    public async Task EveryCommandsHelpShowsAnExample(string command)
    {
        var help = await _cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Matches("Examples?:", help.Output);
        Assert.Contains($"hub {command}", help.Output, StringComparison.Ordinal);
    }
}

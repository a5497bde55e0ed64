using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Cli;

/// <summary>
/// `hub login --entra` as far as it can be checked without Entra ID: settings are validated before anything is
/// sent, the token cache is created owner-only, an unreachable authority is one clear line, and an Entra profile
/// whose cache holds no sign-in asks for a new login instead of calling the hub. (MSAL accepts https authorities
/// only, so no local fake authority stands in for Entra; README "Entra ID sign-in" describes the manual check.)
/// </summary>
public sealed class CliEntraLoginTests : IDisposable
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";
    private readonly HubCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("--tenant", "not a tenant", "--tenant")]
    [InlineData("--client-id", "hub-cli", "--client-id")]
    [InlineData("--scope", "hub api", "--scope")]
    [InlineData("--authority", "http://login.example/", "--authority")]
    public async Task WrongSettingsAreAUsageErrorNamingTheOption(string option, string value, string named)
    {
        var settings = new Dictionary<string, string>
        {
            ["--tenant"] = "contoso.example", ["--client-id"] = ClientId, ["--scope"] = "api://hub/.default", ["--authority"] = "https://login.example/",
        };
        settings[option] = value;

        var login = await _cli.RunAsync(["login", "--entra", .. settings.SelectMany(s => new[] { s.Key, s.Value })]);

        Assert.Equal(2, login.ExitCode);
        Assert.StartsWith($"hub: {named} ", login.Error, StringComparison.Ordinal);
        Assert.Single(login.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(Path.Combine(_cli.ConfigDirectory, "entra")));
    }

    [Fact]
    public async Task AnUnreachableAuthorityIsOneLineAndTheTokenCacheIsOwnerOnly()
    {
        var login = await _cli.RunAsync("login", "--entra", "--profile", "be-entra", "--tenant", "contoso.example", "--client-id", ClientId,
            "--scope", "api://hub/.default", "--authority", "https://127.0.0.1:9/");

        Assert.Equal(4, login.ExitCode);
        Assert.Equal("hub: Entra ID unreachable at https://127.0.0.1:9/", login.Error[..login.Error.IndexOf(" (", StringComparison.Ordinal)]);
        var cache = Path.Combine(_cli.ConfigDirectory, "entra", "be-entra.cache");
        Assert.True(File.Exists(cache));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache));
        }

        Assert.False(File.Exists(Path.Combine(_cli.ConfigDirectory, "profiles.json")));
    }

    [Fact]
    public async Task AnEntraProfileWithoutACachedSignInAsksForANewLoginAndLogoutForgetsTheCache()
    {
        // The profile a successful device-code login leaves, but with an empty token cache (signed out elsewhere, cache lost).
        var profiles = new
        {
            current = "be-entra",
            profiles = new Dictionary<string, object>
            {
                ["be-entra"] = new
                {
                    hubUrl = "http://127.0.0.1:9/", userName = "analyst@contoso.example", agencyId = "be-hotline", token = "", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                    entra = new { tenant = "contoso.example", clientId = ClientId, scope = "api://hub/.default", authority = "https://127.0.0.1:9/" },
                    entraAccount = "00000000-0000-0000-0000-000000000001.00000000-0000-0000-0000-000000000002",
                },
            },
        };
        await File.WriteAllTextAsync(Path.Combine(_cli.ConfigDirectory, "profiles.json"), JsonSerializer.Serialize(profiles));
        var cache = Path.Combine(_cli.ConfigDirectory, "entra", "be-entra.cache");
        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        await File.WriteAllBytesAsync(cache, []);

        var whoami = await _cli.RunAsync("whoami");
        var logout = await _cli.RunAsync("logout");

        Assert.Equal(3, whoami.ExitCode);
        Assert.Contains("run: hub login --profile be-entra --entra --tenant contoso.example", whoami.Error, StringComparison.Ordinal);
        Assert.Single(whoami.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, logout.ExitCode);
        Assert.False(File.Exists(cache));
    }
}

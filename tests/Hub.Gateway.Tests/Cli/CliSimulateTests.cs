using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Testing;

namespace Hub.Gateway.Tests.Cli;

/// <summary>`hub simulate` as a process against a real gateway process: consistent counts, no errors, a reproducible plan.</summary>
public sealed class CliSimulateTests(GatewayProcessFixture fixture) : IClassFixture<GatewayProcessFixture>, IDisposable
{
    private readonly HubCli _cli = new();

    private GatewayProcess Gateway => fixture.Gateway;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task AShortRunDeliversEveryReferralWithoutErrorsAndTheSeedFixesThePlan()
    {
        string[] args = ["simulate", "--url", Gateway.BaseAddress.ToString(), "--rate", "4", "--duration", "3s", "--seed", "11", "--json"];

        var first = await _cli.RunAsync(args);
        // Same seed, same hub: the simulator comes back with the device keys it founded the agencies with.
        var second = await _cli.RunAsync(args);

        foreach (var run in new[] { first, second })
        {
            Assert.True(run.ExitCode == 0, run.Error + run.Output);
            var summary = JsonDocument.Parse(run.Output).RootElement;
            var cases = summary.GetProperty("cases");
            var referrals = summary.GetProperty("referrals");
            var deliveries = summary.GetProperty("deliveries");
            Assert.Equal(0, summary.GetProperty("errors").GetInt64());
            Assert.Equal(12, cases.GetProperty("planned").GetInt64());
            Assert.Equal(cases.GetProperty("planned").GetInt64(), cases.GetProperty("completed").GetInt64() + cases.GetProperty("unroutable").GetInt64());
            Assert.Equal(referrals.GetProperty("submitted").GetInt64(), referrals.GetProperty("acknowledged").GetInt64() + referrals.GetProperty("submitFailed").GetInt64());
            Assert.True(referrals.GetProperty("acknowledged").GetInt64() > 0);
            Assert.Equal(deliveries.GetProperty("deliveriesExpected").GetInt64(), deliveries.GetProperty("pushesReceived").GetInt64());
            Assert.Equal(deliveries.GetProperty("deliveriesExpected").GetInt64(), deliveries.GetProperty("delivered").GetInt64());
            Assert.Equal(deliveries.GetProperty("deliveriesExpected").GetInt64(), summary.GetProperty("workflow").GetProperty("decrypted").GetInt64());
            Assert.Equal(deliveries.GetProperty("pushesReceived").GetInt64(), summary.GetProperty("submitToPushMs").GetProperty("count").GetInt64());
        }

        var (a, b) = (JsonDocument.Parse(first.Output).RootElement, JsonDocument.Parse(second.Output).RootElement);
        Assert.Equal(a.GetProperty("planDigest").GetString(), b.GetProperty("planDigest").GetString());
        Assert.Equal(a.GetProperty("workflow").GetRawText(), b.GetProperty("workflow").GetRawText());

        // Another seed plans other cases.
        args[^2] = "12";
        var other = await _cli.RunAsync(args);
        Assert.True(other.ExitCode == 0, other.Error + other.Output);
        Assert.NotEqual(a.GetProperty("planDigest").GetString(), JsonDocument.Parse(other.Output).RootElement.GetProperty("planDigest").GetString());
    }

    [Fact]
    public async Task UnknownAgenciesAndAnUnreachableHubAreOneLineErrors()
    {
        var unknown = await _cli.RunAsync("simulate", "--url", Gateway.BaseAddress.ToString(), "--agencies", "be-hotline,xx-nowhere", "--duration", "1");
        var unreachable = await _cli.RunAsync("simulate", "--url", "http://127.0.0.1:9", "--duration", "1");

        Assert.Equal((2, 4), (unknown.ExitCode, unreachable.ExitCode));
        Assert.Contains("xx-nowhere", unknown.Error, StringComparison.Ordinal);
        Assert.All(new[] { unknown.Error, unreachable.Error }, error =>
        {
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("hub: ", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task HelpShowsAnExample()
    {
        var help = await _cli.RunAsync("simulate", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Example:", help.Output, StringComparison.Ordinal);
        Assert.Contains("hub simulate --rate", help.Output, StringComparison.Ordinal);
    }
}

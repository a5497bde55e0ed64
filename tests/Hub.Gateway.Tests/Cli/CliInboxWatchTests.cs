using System.Text.Json;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Gateway.Tests.Sdk;
using Hub.Testing;

namespace Hub.Gateway.Tests.Cli;

/// <summary>`hub inbox --watch --json` as a process: live entries in sequence, across a gateway restart, and Ctrl+C exits 0.</summary>
public sealed class CliInboxWatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly string _data = Directory.CreateTempSubdirectory("hub-watch-").FullName;
    private readonly HubCli _cli = new();

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task WatchShowsEveryEntryOnceInSequenceAcrossAGatewayRestart()
    {
        var gateway = await GatewayProcess.StartAsync(_data);
        try
        {
            var port = gateway.BaseAddress.Port;
            var world = SdkWorld.Over(gateway);
            using var hotline = await AgencyDesk.SetUpAsync(world, "be-hotline", "analyst");
            using var police = await AgencyDesk.SetUpAsync(world, "nl-police", "investigator");
            Assert.Equal(0, (await _cli.RunAsync("login", "--hub", gateway.BaseAddress.ToString(), "--user", "investigator@nl-police.test")).ExitCode);
            await using var watch = HubCliProcess.Start(_cli.ConfigDirectory, "inbox", "--watch", "--json");

            var seen = new List<InboxItem>();
            for (var i = 0; i < 3; i++)
            {
                await ReferAsync(hotline);
                seen.Add(Parse(await watch.NextLineAsync(Patience)));
            }

            // Stop the hub; while it starts again the watch retries, then catches up what it missed.
            Assert.Equal(0, await gateway.TerminateAsync());
            await gateway.DisposeAsync();
            gateway = await GatewayProcess.StartAsync(_data, port);
            for (var i = 0; i < 3; i++)
            {
                await ReferAsync(hotline);
            }

            for (var i = 0; i < 3; i++)
            {
                seen.Add(Parse(await watch.NextLineAsync(Patience)));
            }

            Assert.Equal([1L, 2, 3, 4, 5, 6], seen.Select(s => s.Seq));
            Assert.All(seen, s => Assert.Equal(InboxItemKind.ReferralReceived, s.Kind));
            Assert.Equal(6, seen.Select(s => s.CaseId).Distinct().Count());
            Assert.Equal(0, await watch.StopAsync(HubCliProcess.InterruptSignal()));

            // The next watch continues after what this one showed.
            await ReferAsync(hotline);
            await using var again = HubCliProcess.Start(_cli.ConfigDirectory, "inbox", "--watch", "--json");
            Assert.Equal(7, Parse(await again.NextLineAsync(Patience)).Seq);
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    private static InboxItem Parse(string line) => JsonSerializer.Deserialize<InboxItem>(line, HubJson.Options)!;

    private static async Task ReferAsync(AgencyDesk hotline)
    {
        var caseId = Guid.NewGuid();
        await hotline.Api.OpenCaseAsync(new OpenCaseRequest(
            caseId, Guid.NewGuid(), Priority.High, CaseCategory.AbuseMaterial, "BE", new CaseHandling("H1", "TLP:AMBER"), DateTimeOffset.UtcNow));
        await hotline.Workspace.ReferAsync(caseId, "synthetic referral"u8.ToArray(), ["nl-police"]);
    }
}

using System.Globalization;
using Hub.Contracts;
using Hub.Contracts.Cases;
using Hub.Silo.Hosting;
using Hub.Silo.Journal;
using Hub.Silo.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Hub.Testing;

namespace Hub.Bench.Referrals;

/// <summary>
/// Referrals straight into <see cref="ICaseGrain.SubmitMessageAsync"/> on a silo co-hosted in this process
/// (as the gateway hosts it) over a real SQLite journal in a temp folder, against two baselines at the same
/// concurrency: a grain call that does nothing, and raw journal appends (the group-commit ceiling).
/// </summary>
public static class GrainLayerBenchmark
{
    private const string Sender = "be-hotline";
    private const string Recipient = "be-police";
    private const int CasesPerClient = 4;

    private static readonly Caller Analyst = new(Sender, "bench-analyst", [HubRoles.Analyst]);
    private static readonly RecipientKey[] Recipients = [new(Sender, 1), new(Recipient, 1)];

    public static async Task RunAsync(ReferralOptions options, TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("hub-bench-grains-");
        try
        {
            using var host = await StartSiloAsync(directory.FullName);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var journal = host.Services.GetRequiredService<IJournalStore>();
            var cases = await OpenCasesAsync(grains, options.Clients * CasesPerClient);
            output.WriteLine($"Grain layer: {options.Clients} concurrent callers, {cases.Length} cases, SQLite journal (WAL, synchronous=FULL) in {directory.FullName}");

            Func<int, long, Task> ping = (w, i) => grains.GetGrain<IPingGrain>(CaseFor(cases, w, i)).PingAsync(Analyst, Command(w, i));
            Func<int, long, Task> submit = (w, i) => SubmitAsync(grains, CaseFor(cases, w, i), Command(w, i));
            var versions = new long[options.Clients];
            var entry = new PendingEntry("BenchAppended", new byte[600]);
            Func<int, long, Task> append = async (w, _) =>
                versions[w] = await journal.AppendAsync(string.Create(CultureInfo.InvariantCulture, $"bench/{w}"), versions[w], [entry]);

            // Warm-up: activations, SQLite caches, and the JIT's tiering, until a round compiles next to nothing; not measured.
            var warmUp = TimeSpan.FromSeconds(Math.Min(2, options.Seconds));
            var rounds = await WarmUp.UntilJitSettlesAsync(
                async () =>
                {
                    await ClosedLoop.RunAsync(options.Clients, warmUp, ping);
                    await ClosedLoop.RunAsync(options.Clients, warmUp, append);
                    await ClosedLoop.RunAsync(options.Clients, warmUp, submit);
                },
                TimeSpan.FromSeconds(60));
            output.WriteLine($"  warm-up: {rounds.Count} round(s) of {3 * warmUp.TotalSeconds:F0} s, methods compiled per round: {string.Join(", ", rounds)}; load {LoadAverage.Now}");

            var baseline = await ClosedLoop.RunAsync(options.Clients, options.Duration, ping);
            output.WriteLine($"  baseline: empty grain call   {baseline.Describe("calls")}");
            var appends = await ClosedLoop.RunAsync(options.Clients, options.Duration, append);
            output.WriteLine($"  raw journal appends          {appends.Describe("appends")}");
            var referrals = await ClosedLoop.RunAsync(options.Clients, options.Duration, submit);
            output.WriteLine($"  durable referrals            {referrals.Describe("referrals")}");
            output.WriteLine($"  referrals / baseline calls   {referrals.PerSecond / baseline.PerSecond,10:F3}");
            output.WriteLine($"  referrals / raw appends      {referrals.PerSecond / appends.PerSecond,10:F3}");
            output.WriteLine($"  target >= 10,000 referrals/s: {(referrals.PerSecond >= 10_000 && referrals.Failures == 0 ? "met" : "NOT met")}");
            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<IHost> StartSiloAsync(string directory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Journal:Sqlite:Path"] = Path.Combine(directory, "journal.db"),
            ["Hub:Orleans:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Hub:Orleans:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Hub:Orleans:ClusterId"] = "hub-bench",
            ["Hub:SeedDemoNetwork"] = "true",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration, isDevelopment: true));
        var host = builder.Build();
        await host.StartAsync();
        var seeded = host.Services.GetRequiredService<DemoSeedStatus>();
        while (!seeded.IsComplete)
        {
            await Task.Delay(50);
        }

        return host;
    }

    private static async Task<Guid[]> OpenCasesAsync(IGrainFactory grains, int count)
    {
        var cases = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var open = new OpenCase(Guid.Empty, Priority.Normal, CaseCategory.AbuseMaterial, "NL", new HandlingCodes("H2", "TLP:AMBER"), DateTimeOffset.UtcNow.AddMinutes(-5));
        await Parallel.ForEachAsync(cases, async (id, ct) =>
            Require(await grains.GetGrain<ICaseGrain>(id).OpenAsync(Analyst, open with { CommandId = Guid.NewGuid() }, ct)));
        return cases;
    }

    private static async Task SubmitAsync(IGrainFactory grains, Guid caseId, SubmitMessage command) =>
        Require(await grains.GetGrain<ICaseGrain>(caseId).SubmitMessageAsync(Analyst, command));

    private static void Require(CaseResult result)
    {
        if (result.Status != CaseResultStatus.Done)
        {
            throw new InvalidOperationException($"{result.Status}: {result.Problem}");
        }
    }

    /// <summary>Each caller cycles over its own cases, so no two callers queue on one case grain.</summary>
    private static Guid CaseFor(Guid[] cases, int worker, long i) => cases[(worker * CasesPerClient) + (int)(i % CasesPerClient)];

    /// <summary>A small referral with envelope bytes unique per call, so the content-addressed store really writes each one.</summary>
    private static SubmitMessage Command(int worker, long i)
    {
        var header = new byte[256];
        var payload = new byte[1024];
        BitConverter.TryWriteBytes(header, i);
        BitConverter.TryWriteBytes(header.AsSpan(8), worker);
        header.AsSpan(0, 12).CopyTo(payload);
        payload[12] = 1;
        return new SubmitMessage(Guid.NewGuid(), Guid.NewGuid(), MessageKind.Referral, "bench-device", Recipients, header, payload, new byte[300], new byte[64]);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Client.Referrals;
using Hub.Contracts.Cases;
using Microsoft.Data.Sqlite;
using Hub.Testing;

namespace Hub.Bench.Referrals;

/// <summary>
/// The real gateway process against a bare Kestrel + SignalR relay, both driven by the same N HTTP clients
/// while the recipient agency's users listen on SignalR: durable referrals/s (HTTP 201) and submit→push latency.
/// </summary>
public static class EndToEndBenchmark
{
    private const string Sender = "be-hotline";
    private const string Recipient = "be-police";
    private const int CasesPerClient = 2;
    private const int ListeningUsers = 2;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <returns>The hub's figures, for comparisons made by later phases of the same run.</returns>
    public static async Task<(LoadResult Http, (long Count, double P50, double P99) Push)> RunAsync(ReferralOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var directory = Directory.CreateTempSubdirectory("hub-bench-e2e-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(directory.FullName);
            var (senderDevice, senderGeneration) = await AgencyKeysSetup.EnrolAndPublishAsync(gateway, Sender);
            var (recipientDevice, recipientGeneration) = await AgencyKeysSetup.EnrolAndPublishAsync(gateway, Recipient);
            using var devices = new DeviceKeys(senderDevice, recipientDevice);
            var analystToken = await gateway.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = $"analyst@{Sender}.test" });
            var investigatorToken = await gateway.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = $"investigator@{Recipient}.test" });
            using var analyst = Client(gateway.BaseAddress, options.Clients, analystToken);
            var cases = await OpenCasesAsync(analyst, options.Clients * CasesPerClient);

            var pool = new SealedReferralPool(cases, CasesPerClient, new ReferralSender(Sender, senderDevice), [senderGeneration, recipientGeneration], Json);
            // Enough for well above the rates seen on 2 cores; a client that runs out seals on the fly (counted below).
            // The warm-up starts with one round's worth and seals the rest as it goes; the measurement gets a pool of its own.
            var perClient = (int)Math.Ceiling(2_500.0 * (options.Seconds + 2) / options.Clients);
            pool.Fill((int)Math.Ceiling(2_500.0 * 2 / options.Clients));
            output.WriteLine($"End to end: {options.Clients} HTTP clients, {cases.Length} cases, {ListeningUsers} {Recipient} users on SignalR (WebSockets)");

            // Baseline first, on the same client setup and the same request bodies.
            var baseline = await RunRelayAsync(options, directory.FullName, pool, cases);
            output.WriteLine($"  baseline: Kestrel + SQLite commit + SignalR relay");
            output.WriteLine($"    HTTP 201       {baseline.Http.Describe("requests")}");
            output.WriteLine($"    submit→push    {Push(baseline.Push)}");

            await using var listeners = await LiveListeners.ConnectAsync(new Uri(gateway.BaseAddress, "/hubs/live"), () => Task.FromResult<string?>(investigatorToken), ListeningUsers);
            var warmUp = await WarmUpGatewayAsync(gateway, () => MeasureAsync(options.Clients, TimeSpan.FromSeconds(2), analyst, pool, listeners.Tracker));
            output.WriteLine($"  hub warm-up: {warmUp.Count} rounds of 2 s; share of the gateway's CPU in its tiered-compilation thread per round: " +
                string.Join(" ", warmUp.Select(share => share.ToString("P0", System.Globalization.CultureInfo.InvariantCulture))));
            listeners.Tracker = new PushTracker();
            // Fresh cases for the measurement: how much a submit costs depends on how many messages its case holds,
            // so the figures must not depend on how many rounds the warm-up took.
            var measured = new SealedReferralPool(
                await OpenCasesAsync(analyst, options.Clients * CasesPerClient), CasesPerClient, new ReferralSender(Sender, senderDevice), [senderGeneration, recipientGeneration], Json);
            var sealing = measured.Fill(perClient);
            output.WriteLine($"  {perClient * options.Clients:N0} referrals to {options.Clients * CasesPerClient} new cases sealed and signed before the measurement in {sealing.TotalSeconds:F1} s");
            output.WriteLine($"  hub gateway (pid {gateway.ProcessId}) measuring for {options.Seconds} s");

            var gatewayCpu = gateway.ProcessorTime;
            var hub = await MeasureAsync(options.Clients, options.Duration, analyst, measured, listeners.Tracker);
            gatewayCpu = gateway.ProcessorTime - gatewayCpu;
            output.WriteLine($"  hub gateway: verify statement + case grain + journal + inbox + SignalR");
            output.WriteLine($"    HTTP 201       {hub.Http.Describe("referrals")}");
            // The gateway's own CPU (it hosts the silo and the journal writer): what other load on the machine disturbs least.
            output.WriteLine($"    gateway CPU    {gatewayCpu.TotalMicroseconds / Math.Max(1, hub.Http.Operations),6:F0} us/referral (whole process, incl. pushes drained after the run)");
            output.WriteLine($"    submit→push    {Push(hub.Push)}  ({listeners.Pushes:N0} pushes to {ListeningUsers} users in all, {measured.SealedLate:N0} referrals sealed during the run)");

            var ratio = hub.Push.P99 / baseline.Push.P99;
            output.WriteLine("  (CPU us/op is this process only: it hosts the relay baseline's server, but the hub gateway runs as its own process)");
            output.WriteLine($"  referrals/s vs relay requests/s   {hub.Http.PerSecond / baseline.Http.PerSecond,8:F2}");
            output.WriteLine($"  push p99 vs relay push p99        {ratio,8:F2} x");
            output.WriteLine($"  target >= 2,000 durable referrals/s: {(hub.Http.PerSecond >= 2_000 && hub.Http.Failures == 0 ? "met" : "NOT met")}");
            output.WriteLine($"  target push p99 <= 3 x baseline:     {(ratio <= 3 ? "met" : "NOT met")}");
            return hub;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Runs warm-up rounds until the gateway's tiered-compilation thread takes under 5% of the gateway's CPU in a round
    /// (at most 60 s): a 2 s warm-up left it with a third of the gateway's CPU samples in the measured phase, recompiling
    /// hot methods, which a long-running hub has long finished. Returns that thread's share per round.
    /// </summary>
    private static async Task<IReadOnlyList<double>> WarmUpGatewayAsync(GatewayProcess gateway, Func<Task> round)
    {
        const string TieredCompilationThread = ".NET Tiered Com";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var shares = new List<double>();
        while (true)
        {
            var (jitBefore, cpuBefore) = (ThreadCpu.Of(gateway.ProcessId, TieredCompilationThread), gateway.ProcessorTime);
            await round();
            var (jit, cpu) = (ThreadCpu.Of(gateway.ProcessId, TieredCompilationThread) - jitBefore, gateway.ProcessorTime - cpuBefore);
            shares.Add(cpu > TimeSpan.Zero ? jit / cpu : 0);
            if (shares[^1] < 0.05 || DateTime.UtcNow >= deadline)
            {
                return shares;
            }
        }
    }

    internal static string Push((long Count, double P50, double P99) push) =>
        $"{push.Count,10:N0} pushes     p50 {push.P50,7:F2} ms   p99 {push.P99,7:F2} ms";

    private static async Task<(LoadResult Http, (long Count, double P50, double P99) Push)> RunRelayAsync(
        ReferralOptions options, string directory, SealedReferralPool pool, Guid[] cases)
    {
        await using var relay = await RelayBaseline.StartAsync(directory);
        using var client = Client(relay.BaseAddress, options.Clients, token: null);
        await using var listeners = await LiveListeners.ConnectAsync(new Uri(relay.BaseAddress, "/hubs/live"), () => Task.FromResult<string?>(null), ListeningUsers);

        // The relay ignores the body's ids, so it may reuse bodies: one per client, sent to that client's cases.
        var bodies = Enumerable.Range(0, options.Clients).Select(pool.Take).Select(b => b.Body).ToArray();
        var reuse = new ReusedBodies(cases, CasesPerClient, bodies);
        await MeasureAsync(options.Clients, TimeSpan.FromSeconds(Math.Min(2, options.Seconds)), client, reuse.Take, listeners.Tracker);
        listeners.Tracker = new PushTracker();
        return await MeasureAsync(options.Clients, options.Duration, client, reuse.Take, listeners.Tracker);
    }

    private static Task<(LoadResult Http, (long Count, double P50, double P99) Push)> MeasureAsync(int clients, TimeSpan duration, HttpClient http, SealedReferralPool pool, PushTracker tracker) =>
        MeasureAsync(clients, duration, http, pool.Take, tracker);

    private static Task<(LoadResult Http, (long Count, double P50, double P99) Push)> MeasureAsync(
        int clients, TimeSpan duration, HttpClient http, Func<int, (Guid CaseId, byte[] Body)> next, PushTracker tracker) =>
        MeasureAsync(clients, duration, _ => http, next, tracker);

    /// <summary>A closed loop of <paramref name="clients"/> workers; worker i sends through <paramref name="http"/>(i).</summary>
    internal static async Task<(LoadResult Http, (long Count, double P50, double P99) Push)> MeasureAsync(
        int clients, TimeSpan duration, Func<int, HttpClient> http, Func<int, (Guid CaseId, byte[] Body)> next, PushTracker tracker)
    {
        var result = await ClosedLoop.RunAsync(clients, duration, async (worker, _) =>
        {
            var (caseId, body) = next(worker);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            tracker.Submitting(caseId);
            using var response = await http(worker).PostAsync(new Uri($"/api/cases/{caseId}/messages", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });
        await tracker.DrainAsync(TimeSpan.FromSeconds(5));
        return (result, tracker.Result());
    }

    internal static async Task<Guid[]> OpenCasesAsync(HttpClient analyst, int count)
    {
        var cases = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (caseId, ct) =>
        {
            var open = new
            {
                caseId,
                commandId = Guid.NewGuid(),
                priority = Priority.Normal,
                category = CaseCategory.AbuseMaterial,
                hostingCountry = "NL",
                handling = new Hub.Contracts.Cases.HandlingCodes("H2", "TLP:AMBER"),
                reportedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            };
            using var response = await analyst.PostAsJsonAsync(new Uri("/api/cases", UriKind.Relative), open, Json, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Opening a case: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        return cases;
    }

    internal static HttpClient Client(Uri baseAddress, int clients, string? token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

using Hub.Client.Referrals;
using Hub.Testing;

namespace Hub.Bench.Referrals;

/// <summary>
/// The end-to-end referral load against a cluster: 2 silos and 2 gateways (separate processes) over one PostgreSQL
/// database. Half the clients send through each gateway; the recipient's users listen on gateway 1, so half the
/// pushes cross gateways. Printed beside the embedded hub measured earlier in the same run.
/// </summary>
public static class ClusterBenchmark
{
    private const string Sender = "be-hotline";
    private const string Recipient = "be-police";
    private const int CasesPerClient = 2;
    private const int ListeningUsers = 2;

    public static async Task RunAsync(ReferralOptions options, (LoadResult Http, (long Count, double P50, double P99) Push) embedded, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("  cluster: 2 silos + 2 gateways, journal, membership and reminders on PostgreSQL (HUB_TEST_POSTGRES)");
        await using var cluster = await HubCluster.StartAsync(silos: 2, gateways: 2);
        var json = EndToEndBenchmark.Json;
        var (senderDevice, senderGeneration) = await AgencyKeysSetup.EnrolAndPublishAsync(cluster.Gateways[0]!, Sender);
        var (recipientDevice, recipientGeneration) = await AgencyKeysSetup.EnrolAndPublishAsync(cluster.Gateways[0]!, Recipient);
        using var devices = new DeviceKeys(senderDevice, recipientDevice);
        var analystToken = await cluster.TokenAsync($"analyst@{Sender}.test");
        var investigatorToken = await cluster.TokenAsync($"investigator@{Recipient}.test");
        using var viaGateway0 = EndToEndBenchmark.Client(cluster.GatewayAddress(0), options.Clients, analystToken);
        using var viaGateway1 = EndToEndBenchmark.Client(cluster.GatewayAddress(1), options.Clients, analystToken);
        var cases = await EndToEndBenchmark.OpenCasesAsync(viaGateway0, options.Clients * CasesPerClient);

        var pool = new SealedReferralPool(cases, CasesPerClient, new ReferralSender(Sender, senderDevice), [senderGeneration, recipientGeneration], json);
        pool.Fill((int)Math.Ceiling(1_000.0 * (options.Seconds + 2) / options.Clients));
        HttpClient Via(int worker) => worker % 2 == 0 ? viaGateway0 : viaGateway1;

        await using var listeners = await LiveListeners.ConnectAsync(
            new Uri(cluster.GatewayAddress(1), "/hubs/live"), () => Task.FromResult<string?>(investigatorToken), ListeningUsers);
        await EndToEndBenchmark.MeasureAsync(options.Clients, TimeSpan.FromSeconds(Math.Min(2, options.Seconds)), Via, pool.Take, listeners.Tracker); // warm-up
        listeners.Tracker = new PushTracker();
        var measured = await EndToEndBenchmark.MeasureAsync(options.Clients, options.Duration, Via, pool.Take, listeners.Tracker);
        output.WriteLine($"    HTTP 201       {measured.Http.Describe("referrals")}");
        output.WriteLine($"    submit→push    {EndToEndBenchmark.Push(measured.Push)}");
        output.WriteLine($"  cluster referrals/s vs embedded   {measured.Http.PerSecond / embedded.Http.PerSecond,8:F2}");
        output.WriteLine($"  cluster push p99 vs embedded      {measured.Push.P99 / embedded.Push.P99,8:F2} x");
    }
}

// ReferralBenchmark: how many durable referrals per second the hub takes, measured against baselines
// in the same run (the machine is shared and noisy, so only same-run ratios mean anything).
//
//   grain layer   ICaseGrain.SubmitMessageAsync from N callers over a real SQLite journal, against an
//                 empty grain call and raw journal appends      (target: >= 10,000 referrals/s)
//   end to end    the real gateway process: sealed, signed referrals over HTTP from N clients while the
//                 recipient agency's users listen on SignalR, against a bare Kestrel + SignalR relay
//                 that commits one SQLite row per request       (targets: >= 2,000 referrals/s,
//                                                                push p99 <= 3 x the relay's)
//   cluster       (--cluster) the same end-to-end load against 2 silos + 2 gateways over PostgreSQL, clients
//                 split over both gateways and the listeners on the other one, against the embedded hub
namespace Hub.Bench.Referrals;

/// <summary>Runs the referral benchmarks selected by the command line and prints their figures.</summary>
public static class ReferralBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ReferralOptions options;
        try
        {
            options = ReferralOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        output.WriteLine($"Referrals benchmark: {options.Clients} clients, {options.Seconds} s per phase, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        if (options.GrainLayer)
        {
            await GrainLayerBenchmark.RunAsync(options, output);
        }

        if (options.EndToEnd)
        {
            var embedded = await EndToEndBenchmark.RunAsync(options, output);
            if (options.Cluster)
            {
                await ClusterBenchmark.RunAsync(options, embedded, output);
            }
        }

        return 0;
    }
}

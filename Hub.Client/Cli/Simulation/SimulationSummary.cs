using System.Globalization;

namespace Hub.Cli.Simulation;

/// <summary>The end-of-run summary (`--json` prints it as is). Latencies in milliseconds.</summary>
internal sealed record SimulationSummary(
    string Hub,
    IReadOnlyList<string> Agencies,
    int Seed,
    double Rate,
    double DurationSeconds,
    double ElapsedSeconds,
    string PlanDigest,
    IReadOnlyDictionary<string, long> Cases,
    IReadOnlyDictionary<string, long> Referrals,
    double ReferralsPerSecond,
    IReadOnlyDictionary<string, long> Deliveries,
    Percentiles SubmitToAckMs,
    Percentiles SubmitToPushMs,
    IReadOnlyDictionary<string, long> Workflow,
    long Errors,
    IReadOnlyList<ErrorCategory> ErrorCategories)
{
    public static SimulationSummary From(SimulationOptions options, SimulationStats stats, string digest, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stats);
        Dictionary<string, long> Pick(params string[] names) => names.ToDictionary(n => n, n => stats[n], StringComparer.Ordinal);
        return new SimulationSummary(
            options.Hub.ToString(), options.Agencies, options.Seed, options.Rate, options.Duration.TotalSeconds, Math.Round(elapsed.TotalSeconds, 1), digest,
            Pick(Counters.Planned, Counters.CasesOpened, Counters.Unroutable, Counters.Completed),
            Pick(Counters.Submitted, Counters.Acknowledged, Counters.SubmitFailed),
            // Over the requested duration, or longer when the hub (or the machine) could not keep up.
            Math.Round(stats[Counters.Acknowledged] / Math.Max(options.Duration.TotalSeconds, stats.LastAcknowledgedAt.TotalSeconds), 1),
            Pick(Counters.Expected, Counters.PushesReceived, Counters.Delivered, Counters.InboxEntries),
            stats.SubmitToAck.Total(),
            stats.SubmitToPush.Total(),
            Pick(Counters.Decrypted, Counters.Acknowledgements, Counters.Accepted, Counters.Declined, Counters.HoldsPlaced, Counters.HoldsLifted,
                Counters.Notices, Counters.Removed, Counters.NotRemoved, Counters.Investigations, Counters.VictimsIdentified),
            stats.ErrorCount,
            stats.Errors());
    }

    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = Workflow;
        output.WriteLine(Invariant($"Simulation of {Cases[Counters.Planned]} cases in {DurationSeconds:0.#} s at {Rate:0.#}/s (seed {Seed}, {Agencies.Count} agencies) against {Hub}; took {ElapsedSeconds:0.#} s"));
        output.WriteLine(Invariant($"  cases        {Cases[Counters.CasesOpened]} opened, {Cases[Counters.Unroutable]} without a simulated recipient, {Cases[Counters.Completed]} completed"));
        output.WriteLine(Invariant($"  referrals    {Referrals[Counters.Submitted]} submitted, {Referrals[Counters.Acknowledged]} acknowledged by the hub, {Referrals[Counters.SubmitFailed]} failed ({ReferralsPerSecond:0.0}/s)"));
        output.WriteLine(Invariant($"  deliveries   {Deliveries[Counters.Expected]} expected, {Deliveries[Counters.PushesReceived]} pushes received, {Deliveries[Counters.Delivered]} in the recipients' inbox feeds"));
        output.WriteLine($"  submit→ack   {Describe(SubmitToAckMs)}");
        output.WriteLine($"  submit→push  {Describe(SubmitToPushMs)}");
        output.WriteLine(Invariant($"  workflow     {w[Counters.Decrypted]} opened and verified, {w[Counters.Acknowledgements]} acknowledged, {w[Counters.Accepted]} accepted, {w[Counters.Declined]} declined"));
        output.WriteLine(Invariant($"               {w[Counters.HoldsPlaced]} holds placed, {w[Counters.HoldsLifted]} lifted; {w[Counters.Notices]} notices, {w[Counters.Removed]} removed, {w[Counters.NotRemoved]} not removed"));
        output.WriteLine(Invariant($"               {w[Counters.Investigations]} investigations, {w[Counters.VictimsIdentified]} victims identified"));
        output.WriteLine(Invariant($"  errors       {Errors}"));
        foreach (var e in ErrorCategories)
        {
            output.WriteLine(Invariant($"    {e.Count,6}  {e.Category}  (first: {e.Example})"));
        }

        output.WriteLine($"  plan digest  {PlanDigest}");
    }

    public static string Describe(Percentiles p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Count == 0 ? "no samples" : Invariant($"p50 {p.P50:0.0} ms  p90 {p.P90:0.0} ms  p99 {p.P99:0.0} ms  max {p.Max:0.0} ms  (n={p.Count})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

namespace Hub.Bench.Referrals;

/// <summary>What one closed-loop run measured: completed operations, wall time and latency percentiles.</summary>
public sealed record LoadResult(long Operations, long Failures, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public string Describe(string unit) =>
        $"{PerSecond,10:N0} {unit}/s   p50 {P50Ms,7:F2} ms   p99 {P99Ms,7:F2} ms   ({Operations:N0} in {Elapsed.TotalSeconds:F1} s{(Failures > 0 ? $", {Failures:N0} FAILED" : "")})";
}

namespace Hub.Bench.Referrals;

/// <summary>
/// What one closed-loop run measured: completed operations, wall time, latency percentiles, and the CPU time this
/// process used meanwhile (user + system, all threads).
/// </summary>
/// <remarks>
/// CPU per operation is the figure other load on the machine disturbs least: it says how many operations per second
/// the process could sustain on the cores it has (2 cores: 2 s of CPU per second) when nothing else runs.
/// </remarks>
public sealed record LoadResult(long Operations, long Failures, TimeSpan Elapsed, double P50Ms, double P99Ms, TimeSpan Cpu)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>Process CPU microseconds per completed operation.</summary>
    public double CpuMicrosecondsPerOperation => Operations == 0 ? double.NaN : Cpu.TotalMicroseconds / Operations;

    public string Describe(string unit) =>
        $"{PerSecond,10:N0} {unit}/s   p50 {P50Ms,7:F2} ms   p99 {P99Ms,7:F2} ms   CPU {CpuMicrosecondsPerOperation,6:F0} us/op   ({Operations:N0} in {Elapsed.TotalSeconds:F1} s{(Failures > 0 ? $", {Failures:N0} FAILED" : "")}; load {LoadAverage.Now})";
}

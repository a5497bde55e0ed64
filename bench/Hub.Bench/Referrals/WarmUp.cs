using System.Runtime;

namespace Hub.Bench.Referrals;

/// <summary>
/// Runs a workload until the JIT has settled: tiered compilation recompiles hot methods in the background (tier 0,
/// then instrumented, then optimized), and on a busy 2-core machine that backlog can take a whole measured phase's
/// CPU (profiled: over a third of the process's samples in the "Tiered Compilation" thread after a 2 s warm-up).
/// A long-running hub is past that point; the measurement should be too.
/// </summary>
public static class WarmUp
{
    /// <summary>
    /// Repeats <paramref name="round"/> until a round compiles fewer than 100 methods, or <paramref name="limit"/> passes;
    /// returns the number of methods each round compiled.
    /// </summary>
    public static async Task<IReadOnlyList<long>> UntilJitSettlesAsync(Func<Task> round, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(round);
        var deadline = DateTime.UtcNow + limit;
        var compiled = new List<long>();
        while (true)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await round();
            compiled.Add(JitInfo.GetCompiledMethodCount() - before);
            if (compiled[^1] < 100 || DateTime.UtcNow >= deadline)
            {
                return compiled;
            }
        }
    }
}

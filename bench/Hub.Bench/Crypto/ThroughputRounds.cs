// ThroughputRounds: repeated, interleaved timings of several subjects over the same file, reported as medians.
//
// Why interleaved rounds and medians: on a shared 2-core machine a burst of other work (a build, another
// benchmark) can halve one run. Running every subject once per round, in an order that alternates from round
// to round, spreads such bursts over all subjects; the median ignores one bad run; and the per-round ratios
// show whether a ratio is stable or only looks good on average.
// Before every timed run the page cache is flushed (sync), so no subject pays for the previous one's dirty
// pages being written back, and every run writes a new output file (the old one is deleted untimed).
using System.Diagnostics;

namespace Hub.Bench.Crypto;

internal sealed class ThroughputRounds(double bytes)
{
    private readonly Dictionary<string, List<double>> _seconds = new(StringComparer.Ordinal);

    /// <summary>Times <paramref name="run"/> (which writes <paramref name="output"/>) after a sync and with a fresh output file.</summary>
    public void Time(string subject, string output, Action run)
    {
        File.Delete(output);
        Sync();
        var clock = Stopwatch.StartNew();
        run();
        clock.Stop();
        if (!_seconds.TryGetValue(subject, out var runs))
        {
            _seconds[subject] = runs = [];
        }

        runs.Add(clock.Elapsed.TotalSeconds);
    }

    /// <summary>Median throughput in MB/s (10^6 bytes per second).</summary>
    public double MedianMegabytesPerSecond(string subject) => bytes / Median(_seconds[subject]) / 1e6;

    /// <summary>Per-round speed ratios <paramref name="subject"/> / <paramref name="baseline"/> (above 1: subject faster).</summary>
    public IEnumerable<double> RoundRatios(string subject, string baseline) =>
        _seconds[baseline].Zip(_seconds[subject], (b, s) => b / s);

    /// <summary>The ratio of the two subjects' median speeds.</summary>
    public double MedianRatio(string subject, string baseline) => Median(_seconds[baseline]) / Median(_seconds[subject]);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Sync()
    {
        using var sync = Process.Start("sync") ?? throw new InvalidOperationException("Cannot run sync.");
        sync.WaitForExit();
    }
}

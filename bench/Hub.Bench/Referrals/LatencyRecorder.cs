using System.Diagnostics;

namespace Hub.Bench.Referrals;

/// <summary>
/// Latency samples in milliseconds, collected per worker without locks (one list each) and merged for the
/// percentiles. Keeps every sample: a 20 s run at tens of thousands per second is a few MB.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly List<double>[] _samples;

    public LatencyRecorder(int workers)
    {
        _samples = new List<double>[workers];
        for (var i = 0; i < workers; i++)
        {
            _samples[i] = new List<double>(16 * 1024);
        }
    }

    public void Record(int worker, long startTimestamp) => _samples[worker].Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public long Count => _samples.Sum(s => s.Count);

    public (double P50, double P99) Percentiles() => Percentiles(_samples.SelectMany(s => s));

    public static (double P50, double P99) Percentiles(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? (double.NaN, double.NaN) : (At(sorted, 0.50), At(sorted, 0.99));
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];
}

namespace Hub.Silo.Stats;

/// <summary>
/// Durations in logarithmic buckets (each 10% wider than the last, from 1 s to beyond a century), so
/// percentiles cost constant memory however many cases the network handles. A percentile is reported as
/// its bucket's upper bound: at most 10% above the true value, never below it.
/// </summary>
public sealed class DurationHistogram
{
    private const double Growth = 1.1;
    private const int Buckets = 400;
    private static readonly double LogGrowth = Math.Log(Growth);

    private readonly long[] _counts = new long[Buckets];

    public long Count { get; private set; }

    public void Add(double seconds)
    {
        var bucket = seconds <= 1 ? 0 : Math.Min(Buckets - 1, (int)Math.Ceiling(Math.Log(seconds) / LogGrowth));
        _counts[bucket]++;
        Count++;
    }

    /// <summary>The smallest bucket bound below which at least <paramref name="quantile"/> of the durations fall.</summary>
    public double Percentile(double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= Math.Max(rank, 1))
            {
                return Math.Pow(Growth, bucket);
            }
        }

        return Math.Pow(Growth, Buckets - 1);
    }
}

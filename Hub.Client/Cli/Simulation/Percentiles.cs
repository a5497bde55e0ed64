namespace Hub.Cli.Simulation;

/// <summary>Nearest-rank percentiles in milliseconds (null without samples).</summary>
internal sealed record Percentiles(int Count, double? P50, double? P90, double? P99, double? Max)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, null, null, null, null);
        }

        double At(double q) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 1);
        return new Percentiles(sorted.Length, At(0.50), At(0.90), At(0.99), Math.Round(sorted[^1], 1));
    }
}

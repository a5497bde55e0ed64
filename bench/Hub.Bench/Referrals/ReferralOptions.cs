using System.Globalization;

namespace Hub.Bench.Referrals;

/// <summary>
/// Command line of <c>referrals</c>: concurrent clients, seconds per measured phase, which layers to run, and whether
/// to run the end-to-end benchmark against a 2-silo + 2-gateway cluster on PostgreSQL too.
/// </summary>
public sealed record ReferralOptions(int Clients, int Seconds, bool GrainLayer, bool EndToEnd, bool Cluster = false)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public static ReferralOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ReferralOptions(Clients: 64, Seconds: 10, GrainLayer: true, EndToEnd: true);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--clients" => options with { Clients = Positive(args, ++i) },
                "--seconds" => options with { Seconds = Positive(args, ++i) },
                "--grain-only" => options with { EndToEnd = false },
                "--e2e-only" => options with { GrainLayer = false },
                "--cluster" => options with { GrainLayer = false, EndToEnd = true, Cluster = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }

    private static int Positive(IReadOnlyList<string> args, int i) =>
        i < args.Count && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{args[i - 1]} needs a positive number.");
}

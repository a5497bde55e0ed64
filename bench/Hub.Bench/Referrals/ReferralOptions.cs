using System.Globalization;

namespace Hub.Bench.Referrals;

/// <summary>Command line of <c>referrals</c>: concurrent clients, seconds per measured phase, and which layers to run.</summary>
public sealed record ReferralOptions(int Clients, int Seconds, bool GrainLayer, bool EndToEnd)
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

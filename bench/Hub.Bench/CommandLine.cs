using System.Globalization;

namespace Hub.Bench;

/// <summary>The benchmarks' shared reading of <c>--name VALUE</c> options.</summary>
internal static class CommandLine
{
    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>, else <paramref name="fallback"/>.</summary>
    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

// `--wait-for` on read-only commands. Inbox entries and measurements reach an agency after the command that caused them
// has been acknowledged (the case's outbox delivers them at least once, in the background), so a script that reads right
// after writing may look too early. Waiting is bounded and says so when it gives up: a notice that never arrives is
// still a failure, only a late one is not.
using System.CommandLine;
using System.Globalization;
using Hub.Cli.Shared;

namespace Hub.Cli.Network;

/// <summary>Polls until a condition holds, or fails with one line after <c>--timeout</c> seconds.</summary>
internal static class Waiting
{
    public static Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "With --wait-for: give up after this many seconds (exit 1).",
        DefaultValueFactory = _ => 30,
    };

    /// <summary>Reads with <paramref name="read"/> until <paramref name="done"/> holds; the last value read.</summary>
    public static async Task<T> UntilAsync<T>(ParseResult parse, Func<CancellationToken, Task<T>> read, Func<T, bool> done, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var seconds = parse.GetValue(Timeout);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var value = await read(ct);
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{what} did not arrive within {seconds} s; the hub may be busy (try a longer --timeout) or the notice was never delivered"), ExitCodes.Failed);
            }

            await Task.Delay(pause, ct);
            pause = TimeSpan.FromMilliseconds(Math.Min(1000, pause.TotalMilliseconds * 2));
        }
    }
}

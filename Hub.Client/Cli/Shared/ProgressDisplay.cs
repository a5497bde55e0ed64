// Progress of a long transfer on stderr, so stdout stays the command's result (and --json stays parseable). On a
// terminal a bar redrawn in place; when stderr is redirected nothing by default (a log full of bars helps nobody), or
// with --progress lines one plain line per 10 %, which scripts and tests can follow.
using System.CommandLine;
using System.Globalization;

namespace Hub.Cli.Shared;

/// <summary>Shows how many of <c>total</c> bytes of one named transfer are done.</summary>
internal sealed class ProgressDisplay : IProgress<long>
{
    private const int BarWidth = 30;
    private readonly object _gate = new();
    private readonly string _name;
    private readonly long _total;
    private readonly ProgressMode _mode;
    private int _shownStep = -1;
    private bool _first;

    private ProgressDisplay(string name, long total, ProgressMode mode, bool resumable)
    {
        _name = name;
        _first = resumable;
        _total = Math.Max(1, total);
        _mode = mode;
    }

    public static Option<ProgressMode> Option { get; } = new("--progress")
    {
        Description = "Progress of transfers on stderr: auto (a bar on a terminal, nothing when redirected), bar, lines (a line per 10 %), none.",
        DefaultValueFactory = _ => ProgressMode.Auto,
    };

    /// <summary>A display for <paramref name="name"/>, or null when the chosen mode shows nothing.</summary>
    /// <param name="resumable">The first value reported is where a resumed transfer starts (an upload's durable offset).</param>
    public static ProgressDisplay? For(ParseResult parse, string name, long total, bool resumable = false)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var mode = parse.GetValue(Option);
        if (mode == ProgressMode.Auto)
        {
            mode = Console.IsErrorRedirected ? ProgressMode.None : ProgressMode.Bar;
        }

        return mode == ProgressMode.None ? null : new ProgressDisplay(name, total, mode, resumable);
    }

    public void Report(long value)
    {
        lock (_gate)
        {
            var done = Math.Clamp(value, 0, _total);
            var percent = (int)(done * 100 / _total);
            if (_first && done > 0)
            {
                // A resumed transfer starts where the hub's durable bytes end; say so once.
                Console.Error.WriteLine(Invariant($"{_name}: resuming at {percent}% ({Mebibytes(done)} of {Mebibytes(_total)} already on the hub)"));
            }

            _first = false;
            if (_mode == ProgressMode.Lines)
            {
                var step = percent / 10;
                if (step > _shownStep)
                {
                    _shownStep = step;
                    Console.Error.WriteLine(Invariant($"{_name}: {step * 10}%"));
                }

                return;
            }

            var filled = (int)(done * BarWidth / _total);
            Console.Error.Write(Invariant($"\r{_name} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,3}%  {Mebibytes(done)} / {Mebibytes(_total)}"));
            if (done == _total && _shownStep < 10)
            {
                _shownStep = 10;
                Console.Error.WriteLine();
            }
        }
    }

    private static string Mebibytes(long bytes) => Invariant($"{bytes / 1048576.0:0.0} MiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How <see cref="ProgressDisplay"/> shows progress.</summary>
internal enum ProgressMode
{
    Auto,
    Bar,
    Lines,
    None,
}

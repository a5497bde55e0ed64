// The terminal view of `hub inbox --watch`: a title, the newest entries that fit the window, and a status
// line, redrawn in place (cursor up over the previous drawing, each line rewritten and cleared to its end)
// rather than scrolling, so the table stays put while entries arrive.
using System.Globalization;
using Hub.Client.Wire;

namespace Hub.Cli.Network;

/// <summary>A table of the newest inbox entries, updated in place on a terminal.</summary>
internal sealed class LiveTableView(string agencyId) : IInboxView
{
    private readonly Queue<InboxItem> _rows = new();
    private readonly Lock _gate = new();
    private string _status = string.Empty;
    private int _drawn;
    private long _count;

    private static int Capacity => Math.Clamp(SafeWindowHeight() - 4, 3, 50);

    public void Add(InboxItem item)
    {
        lock (_gate)
        {
            _rows.Enqueue(item);
            _count++;
            while (_rows.Count > Capacity)
            {
                _rows.Dequeue();
            }

            Draw();
        }
    }

    public void Status(string text)
    {
        lock (_gate)
        {
            _status = text;
            Draw();
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            _status = string.Create(CultureInfo.InvariantCulture, $"stopped after {_count} new entries");
            Draw();
        }
    }

    private void Draw()
    {
        var lines = new List<string> { $"Inbox of {agencyId}", $"{"seq",6}  {"at (UTC)",-20} {"kind",-18} case" };
        lines.AddRange(_rows.Select(InboxWatch.Line));
        lines.Add(_status);
        var output = Console.Out;
        if (_drawn > 0)
        {
            output.Write($"\u001b[{_drawn}F");
        }

        foreach (var line in lines)
        {
            output.Write(line);
            output.Write("\u001b[K\n");
        }

        // Clear what a taller earlier drawing left below (the window may have shrunk).
        output.Write("\u001b[J");
        output.Flush();
        _drawn = lines.Count;
    }

    private static int SafeWindowHeight()
    {
        try
        {
            return Console.WindowHeight > 0 ? Console.WindowHeight : 24;
        }
        catch (IOException)
        {
            return 24;
        }
    }
}

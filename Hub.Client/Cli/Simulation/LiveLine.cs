// The once-a-second status line: rewritten in place on a terminal (carriage return, then erase to the
// end of the line), appended as plain lines when the output is a file or a pipe, where escape codes
// would only be noise.
namespace Hub.Cli.Simulation;

/// <summary>Writes status lines in place on a terminal, or as plain lines when redirected.</summary>
internal sealed class LiveLine(TextWriter writer, bool inPlace)
{
    private bool _open;

    /// <summary>Status lines go to stderr when stdout carries JSON, else to stdout.</summary>
    public static LiveLine For(bool json) => json
        ? new LiveLine(Console.Error, !Console.IsErrorRedirected)
        : new LiveLine(Console.Out, !Console.IsOutputRedirected);

    public void Update(string line)
    {
        if (inPlace)
        {
            writer.Write($"\r{line}\u001b[K");
            _open = true;
        }
        else
        {
            writer.WriteLine(line);
        }

        writer.Flush();
    }

    /// <summary>Ends the line being rewritten, so what follows starts on a fresh line.</summary>
    public void Finish()
    {
        if (_open)
        {
            writer.WriteLine();
            _open = false;
        }
    }
}

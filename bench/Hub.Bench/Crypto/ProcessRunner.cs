// Runs a benchmark subject as a process, timing it and sampling its peak resident set size
// (VmHWM from /proc/<pid>/status, which only grows, read until the process exits).
using System.Diagnostics;

namespace Hub.Bench.Crypto;

internal static class ProcessRunner
{
    public static (TimeSpan Elapsed, long PeakRssBytes) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(5))
        {
            peak = Math.Max(peak, ReadHwm(process.Id));
        }

        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr.Result}{stdout.Result}");
        }

        return (clock.Elapsed, peak);
    }

    private static long ReadHwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the wait and the read.
        }

        return 0;
    }
}

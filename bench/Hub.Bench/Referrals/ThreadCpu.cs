using System.Globalization;

namespace Hub.Bench.Referrals;

/// <summary>
/// CPU time of another process's threads by name, from <c>/proc/PID/task/*/stat</c> (Linux): how the benchmark sees
/// how busy the gateway process's tiered-compilation thread still is, which it cannot ask that process's runtime.
/// </summary>
public static class ThreadCpu
{
    /// <summary>Clock ticks per second of <c>utime</c>/<c>stime</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system time of the process's threads whose name starts with <paramref name="namePrefix"/>; zero where /proc is missing.</summary>
    public static TimeSpan Of(int processId, string namePrefix)
    {
        var tasks = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/task";
        if (!Directory.Exists(tasks))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                // stat is "tid (comm) state ..." where comm may hold spaces: fields after the last ')' are fixed.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (!stat[(open + 1)..close].StartsWith(namePrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                // After ") ": state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15).
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

namespace Hub.Bench;

/// <summary>The 1-minute load average (Linux), printed next to figures that other processes on the machine disturb.</summary>
public static class LoadAverage
{
    public static string Now =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}

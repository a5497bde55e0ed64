// BestTiming: the best wall-clock time and the best process CPU time over several runs of one subject.
//
// On a shared 2-core machine other processes take the cores away at random; wall-clock time then
// measures them as much as the subject. CPU time (user + system of this process) counts only what
// the subject itself consumed, so for a subject that keeps its threads busy it is the steadier
// reading. Both are printed; neither is hidden.
using System.Diagnostics;

namespace Hub.Bench.Audit;

internal sealed class BestTiming
{
    public TimeSpan Wall { get; private set; } = TimeSpan.MaxValue;

    public TimeSpan Cpu { get; private set; } = TimeSpan.MaxValue;

    public void Run(Action subject)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        subject();
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Wall = clock.Elapsed < Wall ? clock.Elapsed : Wall;
        Cpu = cpu < Cpu ? cpu : Cpu;
    }
}

using System.Diagnostics;

namespace Hub.Bench.Referrals;

/// <summary>
/// N workers, each awaiting one operation at a time until the deadline (a closed loop: the offered load
/// follows the system's speed, like N users who each wait for their answer). Operations that fail are
/// counted, not timed.
/// </summary>
public static class ClosedLoop
{
    /// <param name="operation">Gets the worker index and the worker's own operation counter.</param>
    public static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, Func<int, long, Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new LatencyRecorder(workers);
        long failures = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (long i = 0; clock.Elapsed < duration; i++)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await operation(worker, i);
                    latencies.Record(worker, start);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref failures) == 1)
                    {
                        Console.Error.WriteLine($"  first failure: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var (p50, p99) = latencies.Percentiles();
        return new LoadResult(latencies.Count, failures, elapsed, p50, p99, cpu);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hub.Bench.Referrals;

/// <summary>
/// Matches pushes to submissions by case id. Each case has at most one submission in flight (every client
/// owns its cases), and a case's notices reach the inbox in case order, so the oldest open submission of
/// a case is the one a push for that case announces.
/// </summary>
public sealed class PushTracker
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<long>> _open = new();
    private readonly List<double> _latencies = [];
    private long _unmatched;

    public void Submitting(Guid caseId) => _open.GetOrAdd(caseId, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());

    public void Pushed(Guid caseId)
    {
        if (_open.TryGetValue(caseId, out var starts) && starts.TryDequeue(out var start))
        {
            var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            lock (_latencies)
            {
                _latencies.Add(latency);
            }
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }
    }

    public long Pending => _open.Values.Sum(q => q.Count);

    public long Unmatched => Interlocked.Read(ref _unmatched);

    public (long Count, double P50, double P99) Result()
    {
        lock (_latencies)
        {
            var (p50, p99) = LatencyRecorder.Percentiles(_latencies);
            return (_latencies.Count, p50, p99);
        }
    }

    /// <summary>Waits (bounded) for the pushes of submissions already acknowledged.</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (Pending > 0 && deadline.Elapsed < limit)
        {
            await Task.Delay(50);
        }
    }
}

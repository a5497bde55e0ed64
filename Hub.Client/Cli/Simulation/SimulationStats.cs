// Everything a run counts, updated from many concurrent case stories. Errors are grouped by category
// (HTTP status and title, unreachable, timeout, verification failure, missing delivery) with the first
// example of each; the example is a problem title or detail from the hub, never referral content.
using System.Collections.Concurrent;
using Hub.Client.Api;
using Hub.Client.Crypto;

namespace Hub.Cli.Simulation;

/// <summary>The counters and latencies of one simulation run.</summary>
internal sealed class SimulationStats
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Count, string Example)> _errors = new(StringComparer.Ordinal);

    /// <summary>Submit → the hub's 201 (the referral is journaled).</summary>
    public LatencySeries SubmitToAck { get; } = new();

    /// <summary>Submit → the recipient's SignalR push (one sample per recipient).</summary>
    public LatencySeries SubmitToPush { get; } = new();

    private long _lastAckTicks;

    /// <summary>When the last referral was acknowledged, since the first case started (the throughput's denominator).</summary>
    public TimeSpan LastAcknowledgedAt => TimeSpan.FromTicks(Interlocked.Read(ref _lastAckTicks));

    public void Acknowledged(TimeSpan sinceStart)
    {
        Count(Counters.Acknowledged);
        long seen;
        while ((seen = Interlocked.Read(ref _lastAckTicks)) < sinceStart.Ticks && Interlocked.CompareExchange(ref _lastAckTicks, sinceStart.Ticks, seen) != seen)
        {
        }
    }

    public void Count(string counter, long by = 1) => _counters.AddOrUpdate(counter, by, (_, n) => n + by);

    public long this[string counter] => _counters.TryGetValue(counter, out var n) ? n : 0;

    public long ErrorCount => _errors.Values.Sum(e => e.Count);

    public void Error(string step, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (category, example) = Categorize(error);
        Error($"{step}: {category}", example);
    }

    public void Error(string category, string example) =>
        _errors.AddOrUpdate(category, (1, example), (_, e) => (e.Count + 1, e.Example));

    public IReadOnlyList<ErrorCategory> Errors() =>
        [.. _errors.OrderByDescending(e => e.Value.Count).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new ErrorCategory(e.Key, e.Value.Count, e.Value.Example))];

    private static (string Category, string Example) Categorize(Exception error) => error switch
    {
        HubApiException api => ($"{(int)api.Status} {api.Title}", api.Detail ?? api.Title ?? string.Empty),
        HttpRequestException http when http.StatusCode is null => ("hub unreachable", http.Message),
        HttpRequestException http => ($"HTTP {(int)http.StatusCode!.Value}", http.Message),
        TaskCanceledException or TimeoutException => ("timeout", error.Message),
        AgeException age => ($"verification failed ({age.Kind})", age.Message),
        _ => (error.GetType().Name, error.Message),
    };
}

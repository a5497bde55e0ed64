// Matches what recipients see to what was submitted, by (case, recipient agency): each simulated case
// carries exactly one referral, so its ReferralReceived entry in a recipient's inbox can only be that one.
// The submit time is taken just before the POST, so the push latency includes the hub's whole path:
// statement check, journal commit, inbox notice, SignalR fan-out.
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hub.Cli.Simulation;

/// <summary>Referrals waiting for their push and inbox delivery at each recipient.</summary>
internal sealed class DeliveryTracker(SimulationStats stats)
{
    private readonly ConcurrentDictionary<(Guid CaseId, string AgencyId), Expected> _open = new();

    /// <summary>Starts the clock for a referral to <paramref name="recipients"/>; each task ends when that recipient's feed delivers it.</summary>
    public IReadOnlyList<Task> Submitting(Guid caseId, IReadOnlyList<string> recipients)
    {
        var now = Stopwatch.GetTimestamp();
        return [.. recipients.Select(r => _open.GetOrAdd((caseId, r), _ => new Expected(now)).Delivered.Task)];
    }

    /// <summary>The submission failed: nothing will arrive.</summary>
    public void Withdraw(Guid caseId, IReadOnlyList<string> recipients)
    {
        foreach (var recipient in recipients)
        {
            _open.TryRemove((caseId, recipient), out _);
        }
    }

    /// <summary>A SignalR push reached <paramref name="agencyId"/>'s user.</summary>
    public void Pushed(Guid caseId, string agencyId)
    {
        if (_open.TryGetValue((caseId, agencyId), out var expected) && Interlocked.Exchange(ref expected.Pushed, 1) == 0)
        {
            stats.SubmitToPush.Add(Stopwatch.GetElapsedTime(expected.SubmittedAt).TotalMilliseconds);
            stats.Count(Counters.PushesReceived);
            Settle(caseId, agencyId, expected);
        }
    }

    /// <summary><paramref name="agencyId"/>'s inbox feed delivered the referral's entry (in sequence, after catch-up).</summary>
    public void Delivered(Guid caseId, string agencyId)
    {
        if (_open.TryGetValue((caseId, agencyId), out var expected) && expected.Delivered.TrySetResult())
        {
            stats.Count(Counters.Delivered);
            Settle(caseId, agencyId, expected);
        }
    }

    // The push and the delivery may come in either order (a catch-up for an earlier push can fetch this
    // entry before its own push lands); the entry is dropped once both happened.
    private void Settle(Guid caseId, string agencyId, Expected expected)
    {
        if (Volatile.Read(ref expected.Pushed) == 1 && expected.Delivered.Task.IsCompleted)
        {
            _open.TryRemove(new KeyValuePair<(Guid, string), Expected>((caseId, agencyId), expected));
        }
    }

    private sealed class Expected(long submittedAt)
    {
        public long SubmittedAt { get; } = submittedAt;

        public TaskCompletionSource Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Pushed; // a field: Interlocked sets it once
    }
}

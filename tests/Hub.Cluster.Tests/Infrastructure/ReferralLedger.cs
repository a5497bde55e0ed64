using System.Collections.Concurrent;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>
/// What the clients know about each referral they sent: acknowledged (the hub answered success), failed (the hub
/// answered a definite refusal and no earlier attempt was in doubt), or ambiguous (an attempt ended without an
/// answer, so the hub may or may not have it, and the client gave up retrying).
/// </summary>
public sealed class ReferralLedger
{
    private readonly ConcurrentDictionary<Guid, Outcome> _outcomes = new();
    private int _attemptsInDoubt;

    public enum Outcome
    {
        Acknowledged,
        Failed,
        Ambiguous,
    }

    public int Acknowledged => _outcomes.Values.Count(o => o == Outcome.Acknowledged);

    /// <summary>Attempts that ended without an answer (a timeout, a dropped connection, a 5xx), retried or not.</summary>
    public int AttemptsInDoubt => Volatile.Read(ref _attemptsInDoubt);

    public IReadOnlySet<Guid> With(Outcome outcome) => _outcomes.Where(p => p.Value == outcome).Select(p => p.Key).ToHashSet();

    public void Record(Guid messageId, Outcome outcome) => _outcomes[messageId] = outcome;

    public void AttemptInDoubt() => Interlocked.Increment(ref _attemptsInDoubt);

    public override string ToString() =>
        $"{Acknowledged} acknowledged, {With(Outcome.Failed).Count} failed, {With(Outcome.Ambiguous).Count} ambiguous, {AttemptsInDoubt} attempts in doubt";
}

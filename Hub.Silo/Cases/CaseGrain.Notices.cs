using Hub.Contracts.Inbox;
using Hub.Contracts.Stats;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Cases;

/// <summary>
/// The case's outbox: inbox notices and measurements derived from journaled events, delivered at least once
/// and in order (receivers ignore a repeated case version). A failed delivery is retried by a timer; nothing
/// is lost because the events themselves are the outbox, replayed after the last delivery checkpoint on activation.
/// </summary>
/// <remarks>
/// Commands do not wait for delivery: a command is acknowledged once its events are journaled, and one delivery
/// loop at a time drains the outbox in version order behind it. The loop is a task on the grain's own scheduler
/// (started from a grain turn, never on the thread pool), so it touches grain state only between awaits like any
/// other turn. Waiting for the inboxes' appends would hold each command for a second commit it does not need.
/// </remarks>
public sealed partial class CaseGrain
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private readonly Queue<OutboxItem> _undelivered = new();
    private readonly Dictionary<string, IAgencyInboxGrain> _inboxes = new(StringComparer.Ordinal);
    private long _deliveredUpTo;

    // The last version whose notices are in the queue; delivery may claim up to it once the queue is empty
    // (not up to the stream's version, which can be ahead of what was queued while a commit is between turns).
    private long _queuedUpTo;
    private Task _delivering = Task.CompletedTask;
    private IGrainTimer? _retry;

    private void QueueUndeliveredNotices(List<(long Version, CaseEvent Event)> events)
    {
        _deliveredUpTo = State.NoticesDeliveredUpTo;
        _queuedUpTo = _deliveredUpTo;
        foreach (var (version, @event) in events.Where(e => e.Version > _deliveredUpTo))
        {
            QueueNotices(version, @event);
        }
    }

    private void QueueNotices(long version, CaseEvent @event)
    {
        _queuedUpTo = Math.Max(_queuedUpTo, version);
        foreach (var (agency, kind) in CaseNotices.For(@event, State))
        {
            _undelivered.Enqueue(new OutboxItem(version, agency, new InboxNotice(this.GetPrimaryKey(), version, kind, @event.At), null));
        }

        if (CaseMeasures.For(@event, State) is { Count: > 0 } measures)
        {
            _undelivered.Enqueue(new OutboxItem(version, IStatsGrain.Key, null, measures));
        }
    }

    /// <summary>Starts the delivery loop unless one is running (it will reach what was just queued); returns the running loop.</summary>
    /// <remarks>Call from a grain turn only: the loop's continuations then run on the grain's scheduler.</remarks>
    private Task StartDelivery()
    {
        if (_delivering.IsCompleted && _undelivered.Count > 0)
        {
            _delivering = DeliverNoticesAsync(CancellationToken.None);
        }

        return _delivering;
    }

    private async Task DeliverNoticesAsync(CancellationToken ct)
    {
        // Yield first, so the command that started the loop returns its result before any delivery runs.
        await Task.Yield();
        var caseId = this.GetPrimaryKey();
        while (_undelivered.TryPeek(out var item))
        {
            try
            {
                await (item.Notice is { } notice
                    ? InboxOf(item.Receiver).DeliverAsync(notice, ct)
                    : GrainFactory.GetGrain<IStatsGrain>(item.Receiver).RecordAsync(caseId, item.Version, item.Measures!, ct));
            }
            catch (Exception ex)
            {
                // The command itself is durable; its notices wait and are retried in order.
                LogDeliveryDeferred(ex, caseId, item.Receiver);
                _retry ??= this.RegisterGrainTimer(RetryDeliveryAsync, RetryDelay, RetryDelay);
                return;
            }

            _undelivered.Dequeue();
        }

        _deliveredUpTo = Math.Max(_deliveredUpTo, _queuedUpTo);
        _retry?.Dispose();
        _retry = null;
    }

    private Task RetryDeliveryAsync(CancellationToken ct) => StartDelivery();

    /// <summary>The participant's inbox grain, resolved once per activation.</summary>
    /// <remarks>
    /// Profiled, <c>GetGrain</c> resolved the interface type through its attributes on every call (about 4% of the
    /// silo's CPU in the grain benchmark, one call per notice); a case has a handful of participants.
    /// </remarks>
    private IAgencyInboxGrain InboxOf(string agencyId)
    {
        if (!_inboxes.TryGetValue(agencyId, out var inbox))
        {
            inbox = GrainFactory.GetGrain<IAgencyInboxGrain>(agencyId);
            _inboxes.Add(agencyId, inbox);
        }

        return inbox;
    }

    /// <summary>Records how far delivery got, so the next activation does not replay the whole history.</summary>
    private async Task CheckpointDeliveredNoticesAsync(CancellationToken ct)
    {
        // Let a running loop finish (it catches its failures), so the checkpoint covers what it delivered;
        // if deactivation cannot wait, the checkpoint stays where it was and the rest is offered again.
        try
        {
            await _delivering.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (_undelivered.Count == 0 && _deliveredUpTo > State.NoticesDeliveredUpTo && State.IsOpen)
        {
            try
            {
                await _stream.AppendAsync(new NoticesDelivered(clock.GetUtcNow(), "@hub", "hub-system", Guid.Empty, _deliveredUpTo), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Losing the checkpoint only means some notices are offered again, and receivers ignore repeats.
                LogCheckpointSkipped(ex, this.GetPrimaryKey());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery of case {CaseId} to {Receiver} deferred; will retry")]
    private partial void LogDeliveryDeferred(Exception exception, Guid caseId, string receiver);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery checkpoint of case {CaseId} not written")]
    private partial void LogCheckpointSkipped(Exception exception, Guid caseId);

    /// <summary>One pending delivery: an inbox notice for an agency, or measurements for the stats grain.</summary>
    private sealed record OutboxItem(long Version, string Receiver, InboxNotice? Notice, IReadOnlyList<CaseMeasure>? Measures);
}

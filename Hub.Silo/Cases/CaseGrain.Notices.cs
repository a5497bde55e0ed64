using Hub.Contracts.Inbox;
using Hub.Contracts.Stats;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Cases;

/// <summary>
/// The case's outbox: inbox notices and measurements derived from journaled events, delivered at least once
/// and in order (receivers ignore a repeated case version). A failed delivery is retried by a timer; nothing
/// is lost because the events themselves are the outbox, replayed after the last delivery checkpoint on activation.
/// </summary>
public sealed partial class CaseGrain
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private readonly Queue<OutboxItem> _undelivered = new();
    private long _deliveredUpTo;
    private IGrainTimer? _retry;

    private void QueueUndeliveredNotices(List<(long Version, CaseEvent Event)> events)
    {
        _deliveredUpTo = State.NoticesDeliveredUpTo;
        foreach (var (version, @event) in events.Where(e => e.Version > _deliveredUpTo))
        {
            QueueNotices(version, @event);
        }
    }

    private void QueueNotices(long version, CaseEvent @event)
    {
        foreach (var (agency, kind) in CaseNotices.For(@event, State))
        {
            _undelivered.Enqueue(new OutboxItem(version, agency, new InboxNotice(this.GetPrimaryKey(), version, kind, @event.At), null));
        }

        if (CaseMeasures.For(@event, State) is { Count: > 0 } measures)
        {
            _undelivered.Enqueue(new OutboxItem(version, IStatsGrain.Key, null, measures));
        }
    }

    private async Task DeliverNoticesAsync(CancellationToken ct)
    {
        var caseId = this.GetPrimaryKey();
        while (_undelivered.TryPeek(out var item))
        {
            try
            {
                await (item.Notice is { } notice
                    ? GrainFactory.GetGrain<IAgencyInboxGrain>(item.Receiver).DeliverAsync(notice, ct)
                    : GrainFactory.GetGrain<IStatsGrain>(item.Receiver).RecordAsync(caseId, item.Version, item.Measures!, ct));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The command itself is durable; its notices wait and are retried in order.
                LogDeliveryDeferred(ex, caseId, item.Receiver);
                _retry ??= this.RegisterGrainTimer(RetryDeliveryAsync, RetryDelay, RetryDelay);
                return;
            }

            _undelivered.Dequeue();
        }

        _deliveredUpTo = _stream.Version;
        _retry?.Dispose();
        _retry = null;
    }

    private Task RetryDeliveryAsync(CancellationToken ct) => DeliverNoticesAsync(ct);

    /// <summary>Records how far delivery got, so the next activation does not replay the whole history.</summary>
    private async Task CheckpointDeliveredNoticesAsync(CancellationToken ct)
    {
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

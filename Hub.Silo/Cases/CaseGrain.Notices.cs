using Hub.Contracts.Inbox;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Cases;

/// <summary>
/// The case's outbox: inbox notices derived from journaled events, delivered at least once and in order
/// (each inbox ignores a repeated case version). A failed delivery is retried by a timer; nothing is lost
/// because the events themselves are the outbox, replayed after the last delivery checkpoint on activation.
/// </summary>
public sealed partial class CaseGrain
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private readonly Queue<(long Version, string AgencyId, InboxItemKind Kind, DateTimeOffset At)> _undelivered = new();
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
            _undelivered.Enqueue((version, agency, kind, @event.At));
        }
    }

    private async Task DeliverNoticesAsync(CancellationToken ct)
    {
        var caseId = this.GetPrimaryKey();
        while (_undelivered.TryPeek(out var notice))
        {
            try
            {
                await GrainFactory.GetGrain<IAgencyInboxGrain>(notice.AgencyId).DeliverAsync(new InboxNotice(caseId, notice.Version, notice.Kind, notice.At), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The command itself is durable; its notices wait and are retried in order.
                LogDeliveryDeferred(ex, caseId, notice.AgencyId);
                _retry ??= this.RegisterGrainTimer(RetryDeliveryAsync, RetryDelay, RetryDelay);
                return;
            }

            _undelivered.Dequeue();
            _deliveredUpTo = Math.Max(_deliveredUpTo, notice.Version);
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
                // Losing the checkpoint only means some notices are offered again, and inboxes ignore repeats.
                LogCheckpointSkipped(ex, this.GetPrimaryKey());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox notice of case {CaseId} to {AgencyId} deferred; will retry")]
    private partial void LogDeliveryDeferred(Exception exception, Guid caseId, string agencyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery checkpoint of case {CaseId} not written")]
    private partial void LogCheckpointSkipped(Exception exception, Guid caseId);
}

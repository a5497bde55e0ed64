using Hub.Contracts;
using Hub.Contracts.Inbox;
using Hub.Silo.EventSourcing;
using Hub.Silo.Journal;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Hub.Silo.Inbox;

/// <summary>
/// An agency's inbox. Its journal stream is the inbox: the stream version is the sequence number, so
/// sequences are gap-free by construction, and catch-up (<c>after=N</c>) reads the stream from N.
/// Observers (gateways) get each new entry as a hint; a dropped hint is recovered by catch-up.
/// </summary>
public sealed class AgencyInboxGrain(IJournalStore journal, ILogger<AgencyInboxGrain> logger) : Grain, IAgencyInboxGrain
{
    public const int MaxPage = 500;

    private readonly ObserverManager<IInboxObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private readonly List<(InboxNotice Notice, TaskCompletionSource Delivered)> _waiting = [];
    private EventSourcedState<Dictionary<Guid, long>, InboxEntryAdded> _stream = null!;
    private bool _flushing;

    private string AgencyId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The fold keeps only the last case version seen per case: enough to drop redelivered notices.
        _stream = new EventSourcedState<Dictionary<Guid, long>, InboxEntryAdded>(
            journal,
            InboxEvents.StreamId(AgencyId),
            [],
            (lastSeen, entry) =>
            {
                lastSeen[entry.CaseId] = entry.CaseVersion;
                return lastSeen;
            },
            InboxEvents.Codec);
        return _stream.LoadAsync(cancellationToken);
    }

    public Task DeliverAsync(InboxNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((notice, delivered));
        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }

        // A cancelled wait does not withdraw the notice: like a timed-out call, it may still be journaled.
        return delivered.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Group commit at the grain: journals every notice waiting now in one append, then the ones that came
    /// in meanwhile, until none is left. Runs on the grain's scheduler, so no two flushes overlap.
    /// </summary>
    private async Task FlushAsync()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                var batch = _waiting.ToArray();
                _waiting.Clear();
                await AppendBatchAsync(batch);
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task AppendBatchAsync((InboxNotice Notice, TaskCompletionSource Delivered)[] batch)
    {
        var entries = new List<InboxEntryAdded>(batch.Length);
        var seenInBatch = new Dictionary<Guid, long>();
        foreach (var (notice, _) in batch)
        {
            var seen = seenInBatch.TryGetValue(notice.CaseId, out var inBatch) ? inBatch : _stream.State.GetValueOrDefault(notice.CaseId);
            if (notice.CaseVersion > seen)
            {
                entries.Add(new InboxEntryAdded(notice.CaseId, notice.CaseVersion, notice.Kind, notice.At));
                seenInBatch[notice.CaseId] = notice.CaseVersion;
            }
        }

        try
        {
            var firstSeq = _stream.Version + 1;
            if (entries.Count > 0)
            {
                await _stream.AppendAsync(entries, CancellationToken.None);
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var item = new InboxItem(firstSeq + i, entries[i].CaseId, entries[i].Kind, entries[i].At);
                _observers.Notify(o => o.InboxChanged(AgencyId, item));
            }

            foreach (var (_, delivered) in batch)
            {
                delivered.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            // Nothing of this batch was journaled: every case keeps its notice and retries it.
            foreach (var (_, delivered) in batch)
            {
                delivered.TrySetException(ex);
            }
        }
    }

    public async Task<IReadOnlyList<InboxItem>?> ReadAsync(Caller caller, long afterSeq, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.AgencyId != AgencyId)
        {
            return null;
        }

        var items = new List<InboxItem>(Math.Clamp(limit, 1, MaxPage));
        await foreach (var entry in journal.ReadAsync(InboxEvents.StreamId(AgencyId), Math.Max(0, afterSeq), ct))
        {
            var added = InboxEvents.Codec.Decode(entry);
            items.Add(new InboxItem(entry.Version, added.CaseId, added.Kind, added.At));
            if (items.Count == items.Capacity)
            {
                break;
            }
        }

        return items;
    }

    public Task SubscribeAsync(IInboxObserver observer, CancellationToken ct)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IInboxObserver observer, CancellationToken ct)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}

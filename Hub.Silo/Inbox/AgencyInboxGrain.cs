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
    private EventSourcedState<Dictionary<Guid, long>, InboxEntryAdded> _stream = null!;

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

    public async Task DeliverAsync(InboxNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_stream.State.TryGetValue(notice.CaseId, out var seen) && notice.CaseVersion <= seen)
        {
            return;
        }

        await _stream.AppendAsync(new InboxEntryAdded(notice.CaseId, notice.CaseVersion, notice.Kind, notice.At), ct);
        var item = new InboxItem(_stream.Version, notice.CaseId, notice.Kind, notice.At);
        _observers.Notify(o => o.InboxChanged(AgencyId, item));
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

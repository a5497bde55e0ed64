using Hub.Silo.Journal;

namespace Hub.Silo.EventSourcing;

/// <summary>
/// A grain's state as the fold of its own journal stream. The grain loads it on activation and
/// appends through it; state changes only after the journal made the events durable.
/// </summary>
/// <typeparam name="TState">The folded state; <c>apply</c> returns the next value (an immutable record, or one instance that only <c>apply</c> changes).</typeparam>
/// <typeparam name="TEvent">The grain's event base type.</typeparam>
/// <remarks><c>apply</c> gets each event with its stream version.</remarks>
public sealed class EventSourcedState<TState, TEvent>(
    IJournalStore journal,
    string streamId,
    TState initial,
    Func<TState, TEvent, long, TState> apply,
    EventCodec<TEvent> codec)
    where TEvent : class
{
    public EventSourcedState(IJournalStore journal, string streamId, TState initial, Func<TState, TEvent, TState> apply, EventCodec<TEvent> codec)
        : this(journal, streamId, initial, (state, @event, _) => apply(state, @event), codec)
    {
    }

    public string StreamId { get; } = streamId;

    public TState State { get; private set; } = initial;

    /// <summary>Version of the last event folded into <see cref="State"/>.</summary>
    public long Version { get; private set; }

    /// <summary>Folds the entries after <see cref="Version"/> into <see cref="State"/>.</summary>
    /// <remarks>
    /// The journal verifies the whole range before it yields the first entry, so a read that fails its integrity check
    /// (<see cref="Journal.Integrity.JournalTamperedException"/>) folds nothing, and <see cref="Version"/> moves only
    /// once the read completed. The exception propagates: a grain activating over a tampered stream refuses to activate.
    /// </remarks>
    public async Task LoadAsync(CancellationToken ct)
    {
        var state = State;
        var version = Version;
        await foreach (var entry in journal.ReadAsync(StreamId, Version, ct))
        {
            state = apply(state, codec.Decode(entry), entry.Version);
            version = entry.Version;
        }

        State = state;
        Version = version;
    }

    /// <summary>
    /// Appends the events at the current version. On a conflict (another activation wrote first) the
    /// state is reloaded and the exception propagates, so the command can be re-decided on fresh state.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<TEvent> events, CancellationToken ct) => AppendAsync(events, [], ct);

    /// <summary>
    /// Appends the events together with the bytes they name by digest, durable in one commit
    /// (see <see cref="IJournalStore.AppendAsync(string, long, IReadOnlyList{PendingEntry}, IReadOnlyList{PendingBlob}, CancellationToken)"/>).
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<TEvent> events, IReadOnlyList<PendingBlob> blobs, CancellationToken ct)
    {
        var entries = new PendingEntry[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            entries[i] = codec.Encode(events[i]);
        }

        try
        {
            Version = await (blobs.Count == 0
                ? journal.AppendAsync(StreamId, Version, entries, ct)
                : journal.AppendAsync(StreamId, Version, entries, blobs, ct)) - events.Count;
        }
        catch (JournalConflictException)
        {
            await LoadAsync(ct);
            throw;
        }

        foreach (var @event in events)
        {
            Version++;
            State = apply(State, @event, Version);
        }
    }

    public Task AppendAsync(TEvent @event, CancellationToken ct) => AppendAsync([@event], ct);
}

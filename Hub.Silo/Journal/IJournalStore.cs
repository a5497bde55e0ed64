namespace Hub.Silo.Journal;

/// <summary>
/// Append-only store of per-stream entries: the durable state of every grain and its audit trail.
/// </summary>
/// <remarks>
/// Contract (tests/Hub.Silo.Tests/Journal/JournalStoreContract.cs checks it for every implementation):
/// <list type="bullet">
/// <item>Versions in a stream start at 1 and have no gaps.</item>
/// <item><see cref="AppendAsync"/> writes all of its entries or none, only if the stream is at
/// <c>expectedVersion</c>; otherwise it throws <see cref="JournalConflictException"/>.</item>
/// <item>When <see cref="AppendAsync"/> returns, the entries are durable (committed and synced): the hub may acknowledge.</item>
/// </list>
/// </remarks>
public interface IJournalStore
{
    /// <summary>Appends entries after <paramref name="expectedVersion"/> (0 for a new stream) and returns the new version.</summary>
    Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, CancellationToken ct = default);

    /// <summary>Reads the stream's entries with version greater than <paramref name="afterVersion"/>, in order.</summary>
    IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterVersion = 0, CancellationToken ct = default);

    /// <summary>The stream's current version; 0 when it has no entries.</summary>
    Task<long> GetVersionAsync(string streamId, CancellationToken ct = default);

    /// <summary>True when the store answers queries.</summary>
    Task<bool> PingAsync(CancellationToken ct = default);
}

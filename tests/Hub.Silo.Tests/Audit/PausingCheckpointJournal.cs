using Hub.Silo.Journal;

namespace Hub.Silo.Tests.Audit;

/// <summary>
/// A journal that holds hub-signed checkpoint saves (notes with a single signature line) at the door until released,
/// so a test can line up the interleaving a busy hub produces by chance. Everything else passes straight through.
/// </summary>
internal sealed class PausingCheckpointJournal(IJournalStore inner) : IJournalStore, IDisposable
{
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly SemaphoreSlim _released = new(0);

    /// <summary>While true, hub-only checkpoint saves wait for <see cref="Release"/>.</summary>
    public bool Pausing { get; set; }

    /// <summary>Waits until a save is held at the door, or gives up after <paramref name="patience"/>.</summary>
    public Task<bool> ArrivedAsync(TimeSpan patience) => _arrived.WaitAsync(patience);

    /// <summary>Lets one held save through.</summary>
    public void Release() => _released.Release();

    public void Dispose()
    {
        _arrived.Dispose();
        _released.Dispose();
    }

    public async Task SaveCheckpointAsync(JournalCheckpoint checkpoint, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (Pausing && checkpoint.SignedNote.Split('\n').Count(line => line.StartsWith('\u2014')) == 1)
        {
            _arrived.Release();
            await _released.WaitAsync(ct);
        }

        await inner.SaveCheckpointAsync(checkpoint, ct);
    }

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, CancellationToken ct = default) =>
        inner.AppendAsync(streamId, expectedVersion, entries, ct);

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs, CancellationToken ct = default) =>
        inner.AppendAsync(streamId, expectedVersion, entries, blobs, ct);

    public Task<byte[]?> GetBlobAsync(BlobReference blob, CancellationToken ct = default) => inner.GetBlobAsync(blob, ct);

    public IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterVersion = 0, CancellationToken ct = default) => inner.ReadAsync(streamId, afterVersion, ct);

    public Task<long> GetVersionAsync(string streamId, CancellationToken ct = default) => inner.GetVersionAsync(streamId, ct);

    public Task<bool> PingAsync(CancellationToken ct = default) => inner.PingAsync(ct);

    public Task<JournalTreeHead> GetTreeHeadAsync(string streamId, CancellationToken ct = default) => inner.GetTreeHeadAsync(streamId, ct);

    public Task<byte[]> GetInclusionProofAsync(string streamId, long version, long treeSize, CancellationToken ct = default) =>
        inner.GetInclusionProofAsync(streamId, version, treeSize, ct);

    public Task<byte[]> GetConsistencyProofAsync(string streamId, long fromSize, long toSize, CancellationToken ct = default) =>
        inner.GetConsistencyProofAsync(streamId, fromSize, toSize, ct);

    public Task<JournalCheckpoint?> GetCheckpointAsync(string streamId, long? treeSize = null, CancellationToken ct = default) =>
        inner.GetCheckpointAsync(streamId, treeSize, ct);

    public Task<IReadOnlyList<string>> ListStreamsToCheckpointAsync(string? afterStreamId, int limit, CancellationToken ct = default) =>
        inner.ListStreamsToCheckpointAsync(afterStreamId, limit, ct);
}

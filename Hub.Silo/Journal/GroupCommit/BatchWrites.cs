using Hub.Transparency.Merkle;

namespace Hub.Silo.Journal.GroupCommit;

/// <summary>
/// One attempt at writing a batch inside a store's open transaction: the reads and writes
/// <see cref="GroupCommitBatch"/> needs, in the store's own I/O. The store commits or rolls back afterwards.
/// </summary>
internal abstract class BatchWrites
{
    /// <summary>The stream's head as stored (or as the store knows it still is) before this batch.</summary>
    public abstract ValueTask<long> ReadHeadAsync(string streamId);

    /// <summary>The stream's Merkle frontier at <paramref name="head"/>, cached or restored; null when a stored node is missing.</summary>
    public abstract ValueTask<MerkleAccumulator?> FrontierAsync(string streamId, long head);

    /// <summary>
    /// Writes one append without a savepoint, now or queued for <see cref="FlushAsync"/>. False when a write failed:
    /// the store rolls the batch back and replays it in savepoints.
    /// </summary>
    public abstract ValueTask<bool> WriteAsync(AppendRequest request, AppendPlan plan);

    /// <summary>
    /// Writes one append in a savepoint of its own, so that it fails alone. Null when it was written; otherwise why it
    /// was refused and the stream's head after the refusal.
    /// </summary>
    public abstract ValueTask<(Exception Refusal, long Head)?> WriteInSavepointAsync(AppendRequest request, AppendPlan plan);

    /// <summary>Sends the writes <see cref="WriteAsync"/> queued; false when they failed (as for <see cref="WriteAsync"/>).</summary>
    public virtual ValueTask<bool> FlushAsync() => ValueTask.FromResult(true);
}

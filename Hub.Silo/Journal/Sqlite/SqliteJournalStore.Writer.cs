using Hub.Silo.Journal.GroupCommit;
using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>The writer loop's group commit of one batch.</summary>
/// <remarks>
/// The decisions are <see cref="GroupCommitBatch"/>'s: versions checked before anything is written, so a batch normally
/// commits without a savepoint per append; a write that fails all the same (a damaged file, a full disk) rolls the
/// whole batch back, and the batch runs again with each append in its own savepoint, so that append fails alone and
/// the others commit. Nobody is answered before the commit returned.
/// The heads come from the writer's frontier cache (each cached frontier's size is its stream's version after this
/// writer's last append to it) as long as no other connection committed to the file since the previous batch
/// (SQLite's <c>data_version</c>, read under the write lock, did not move); otherwise, and for streams not cached,
/// from the entries table.
/// </remarks>
public sealed partial class SqliteJournalStore
{
    // data_version as read at the start of the previous batch; -1 before the first one (nothing is trusted yet).
    private long _dataVersion = -1;

    // The writer's buffer for one entry's packed nodes.
    private readonly byte[] _entryNodes = new byte[EntryNodes.MaxBytes];

    private async Task CommitBatchAsync(SqliteWriteCommands writes, IReadOnlyList<AppendRequest> batch)
    {
        var outcomes = new List<AppendOutcome>(batch.Count);
        try
        {
            if (!await TryCommitAsync(writes, batch, outcomes, inSavepoints: false))
            {
                outcomes.Clear();
                await TryCommitAsync(writes, batch, outcomes, inSavepoints: true);
            }
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // The cached frontiers ran ahead of what was rolled back.
            _frontiers.Clear();
            LogCommitFailed(ex, batch.Count);
            // Refusals stand; every other append of the batch fails, including any the loop never reached.
            foreach (var outcome in outcomes.Where(o => o.Refused))
            {
                outcome.Complete(_alarm);
            }

            foreach (var request in batch)
            {
                request.Completion.TrySetException(ex);
            }

            return;
        }

        foreach (var outcome in outcomes)
        {
            outcome.Complete(_alarm);
        }
    }

    /// <summary>
    /// Writes and commits the batch, adding each append's outcome. Returns false, with the transaction rolled back and
    /// the batch's streams evicted from the frontier cache, when a write failed outside a savepoint.
    /// </summary>
    private async ValueTask<bool> TryCommitAsync(SqliteWriteCommands writes, IReadOnlyList<AppendRequest> batch, List<AppendOutcome> outcomes, bool inSavepoints)
    {
        using var transaction = _writer.BeginTransaction(deferred: false);
        var dataVersion = writes.DataVersion();
        var cachedHeadsHold = dataVersion == _dataVersion;
        _dataVersion = dataVersion;

        // One time for the whole batch, taken before any entry is hashed: it is part of every leaf.
        var recordedAt = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var batchWrites = new SqliteBatchWrites(this, writes, transaction, cachedHeadsHold, recordedAt);
        if (!await GroupCommitBatch.WriteAsync(batch, batchWrites, recordedAt, inSavepoints, outcomes))
        {
            transaction.Rollback();
            _frontiers.Evict(batch.Select(r => r.StreamId));
            return false;
        }

        transaction.Commit();
        return true;
    }

    private void Write(SqliteWriteCommands writes, AppendRequest request, AppendPlan plan, long recordedAt)
    {
        // Blobs before the entries that name them, in the same transaction: no entry without its bytes.
        var blobs = EntryBlobs.Store(writes, request.Blobs);

        // The plan's nodes come in the order the leaves completed them, so each entry's nodes follow the previous entry's.
        var nextNode = 0;
        for (var i = 0; i < request.Entries.Count; i++)
        {
            var nodes = EntryNodes.Pack(plan.Versions[i], plan.Nodes, ref nextNode, _entryNodes);
            writes.Insert(request.StreamId, plan.Versions[i], request.Entries[i], recordedAt, plan.LeafHashes[i], nodes, blobs);
        }

        writes.UpsertHead(request.StreamId, plan.NewVersion);
    }

    private MerkleAccumulator RestoreFrontier(SqliteTransaction transaction, string streamId, long size)
    {
        using var nodes = new SqliteNodeSource(_writer, transaction, streamId, size);
        return MerkleAccumulator.Restore(nodes, size);
    }
}

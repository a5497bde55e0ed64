using Hub.Silo.Journal.GroupCommit;
using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

public sealed partial class SqliteJournalStore
{
    /// <summary>A batch's reads and writes on the writer's connection, inside the batch's transaction; all synchronous.</summary>
    private sealed class SqliteBatchWrites(
        SqliteJournalStore store, SqliteWriteCommands writes, SqliteTransaction transaction, bool cachedHeadsHold, long recordedAt) : BatchWrites
    {
        public override ValueTask<long> ReadHeadAsync(string streamId) =>
            ValueTask.FromResult(cachedHeadsHold && store._frontiers.TryGetSize(streamId, out var head) ? head : writes.ReadHead(streamId));

        public override ValueTask<MerkleAccumulator?> FrontierAsync(string streamId, long head)
        {
            try
            {
                return ValueTask.FromResult<MerkleAccumulator?>(store._frontiers.Get(streamId, head, () => store.RestoreFrontier(transaction, streamId, head)));
            }
            catch (InvalidOperationException)
            {
                return ValueTask.FromResult<MerkleAccumulator?>(null);
            }
        }

        public override ValueTask<bool> WriteAsync(AppendRequest request, AppendPlan plan)
        {
            try
            {
                store.Write(writes, request, plan, recordedAt);
                return ValueTask.FromResult(true);
            }
            catch (SqliteException)
            {
                return ValueTask.FromResult(false);
            }
        }

        public override ValueTask<(Exception Refusal, long Head)?> WriteInSavepointAsync(AppendRequest request, AppendPlan plan)
        {
            writes.BeginAppend();
            try
            {
                store.Write(writes, request, plan, recordedAt);
                writes.EndAppend();
                return ValueTask.FromResult<(Exception, long)?>(null);
            }
            catch (SqliteException ex)
            {
                // The plan advanced the cached frontier past what the savepoint undoes.
                store._frontiers.Evict(request.StreamId);
                writes.UndoAppend();
                return ValueTask.FromResult<(Exception, long)?>((ex, request.ExpectedVersion));
            }
        }
    }
}

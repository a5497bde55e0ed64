using System.Data;
using Hub.Silo.Journal.GroupCommit;
using Hub.Silo.Postgres;
using Hub.Transparency.Merkle;
using Npgsql;

namespace Hub.Silo.Journal.Postgres;

public sealed partial class PostgresJournalStore
{
    /// <summary>
    /// A batch's reads and writes on one connection, inside the batch's transaction: heads read beforehand in one round
    /// trip, and the writes of every append queued and sent in one more (<see cref="FlushAsync"/>) unless in savepoints.
    /// </summary>
    private sealed class PostgresBatchWrites(PostgresJournalStore store, NpgsqlConnection connection, Dictionary<string, long> heads, long recordedAt)
        : BatchWrites, IAsyncDisposable
    {
        private readonly NpgsqlBatch _queued = new(connection);

        public override ValueTask<long> ReadHeadAsync(string streamId) => ValueTask.FromResult(heads[streamId]);

        public override async ValueTask<MerkleAccumulator?> FrontierAsync(string streamId, long head) =>
            await store.FrontierAsync(connection, streamId, head);

        public override ValueTask<bool> WriteAsync(AppendRequest request, AppendPlan plan)
        {
            AddWrites(_queued, request, plan, recordedAt);
            return ValueTask.FromResult(true);
        }

        public override async ValueTask<(Exception Refusal, long Head)?> WriteInSavepointAsync(AppendRequest request, AppendPlan plan) =>
            await store.TryWriteInSavepointAsync(connection, request, plan, recordedAt);

        public override async ValueTask<bool> FlushAsync()
        {
            if (_queued.BatchCommands.Count == 0)
            {
                return true;
            }

            try
            {
                await _queued.ExecuteNonQueryAsync();
                return true;
            }
            catch (PostgresException ex) when (!PostgresFailures.IsConnectionLost(ex) && connection.FullState == ConnectionState.Open)
            {
                // An error in a statement (most likely another silo appended one of the streams first): replay in savepoints.
                return false;
            }
        }

        public ValueTask DisposeAsync() => _queued.DisposeAsync();
    }
}

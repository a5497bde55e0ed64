using System.Data;
using Hub.Silo.Journal.GroupCommit;
using Hub.Silo.Postgres;
using Hub.Transparency.Merkle;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Silo.Journal.Postgres;

/// <summary>The writer loop's group commit of one batch.</summary>
/// <remarks>
/// The decisions are <see cref="GroupCommitBatch"/>'s. What this store adds is I/O: the heads of the whole batch are
/// read in one round trip, and the writes of every append that passes go to the server in one more, without
/// savepoints: a round trip per append was what kept this journal at a fraction of SQLite's appends/s. If that round
/// trip fails with an error in a statement (most likely another silo appended one of the streams first, which the
/// entries' primary key refuses), the batch is rolled back and written again with each append in its own savepoint
/// and round trip, on freshly read heads, so only that append fails. Nobody is answered before the commit returned.
/// </remarks>
public sealed partial class PostgresJournalStore
{
    private async Task WriteBatchAsync(IReadOnlyList<AppendRequest> batch, BatchProgress progress)
    {
        var outcomes = new List<AppendOutcome>(batch.Count);
        if (!await TryWriteBatchAsync(batch, progress, outcomes, inSavepoints: false))
        {
            outcomes.Clear();
            await TryWriteBatchAsync(batch, progress, outcomes, inSavepoints: true);
        }

        foreach (var outcome in outcomes)
        {
            outcome.Complete(_alarm);
        }
    }

    /// <summary>
    /// Writes and commits the batch, adding each append's outcome. Returns false, with the transaction rolled back and
    /// the batch's streams evicted from the frontier cache, when the writes failed outside savepoints.
    /// </summary>
    private async Task<bool> TryWriteBatchAsync(IReadOnlyList<AppendRequest> batch, BatchProgress progress, List<AppendOutcome> outcomes, bool inSavepoints)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);

        // One time for the whole batch, taken before any entry is hashed: it is part of every leaf.
        var recordedAt = _clock.GetUtcNow().ToUnixTimeMilliseconds();

        // Stored heads of every stream in the batch, in one round trip.
        var heads = await ReadHeadsAsync(connection, batch);
        progress.Writing = true;
        await using var writes = new PostgresBatchWrites(this, connection, heads, recordedAt);
        if (!await GroupCommitBatch.WriteAsync(batch, writes, recordedAt, inSavepoints, outcomes))
        {
            _frontiers.Evict(batch.Select(r => r.StreamId));
            await transaction.RollbackAsync();
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>The stream's frontier at its stored head, cached or restored; null when a stored node is missing.</summary>
    private async Task<MerkleAccumulator?> FrontierAsync(NpgsqlConnection connection, string streamId, long head)
    {
        // Trusted only at the stored version (FrontierCache compares sizes): another silo may have appended since.
        try
        {
            var nodes = new PostgresNodeSource(connection, streamId, head);
            if (!_frontiers.Contains(streamId, head))
            {
                await nodes.PrefetchFrontiersAsync([head]);
            }

            return _frontiers.Get(streamId, head, () => MerkleAccumulator.Restore(nodes, head));
        }
        catch (InvalidOperationException) when (connection.FullState == ConnectionState.Open)
        {
            return null;
        }
    }

    /// <summary>Writes one append inside a savepoint, in one round trip; returns why it was refused and the stream's head then, or null.</summary>
    private async Task<(Exception Refusal, long Head)?> TryWriteInSavepointAsync(NpgsqlConnection connection, AppendRequest request, AppendPlan plan, long recordedAt)
    {
        await using var write = new NpgsqlBatch(connection);
        write.BatchCommands.Add(new NpgsqlBatchCommand(PostgresJournalSchema.Savepoint));
        AddWrites(write, request, plan, recordedAt);
        write.BatchCommands.Add(new NpgsqlBatchCommand(PostgresJournalSchema.ReleaseSavepoint));
        try
        {
            await write.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException ex) when (!PostgresFailures.IsConnectionLost(ex) && connection.FullState == ConnectionState.Open)
        {
            var streamId = request.StreamId;
            _frontiers.Evict(streamId);
            await using (var rollback = new NpgsqlCommand(PostgresJournalSchema.RollbackSavepoint, connection))
            {
                await rollback.ExecuteNonQueryAsync();
            }

            if (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == PostgresJournalSchema.EntriesKey)
            {
                // Another process appended at this version first (READ COMMITTED now sees its commit).
                var head = await ReadHeadAsync(connection, streamId);
                return (new JournalConflictException(streamId, request.ExpectedVersion, head), head);
            }

            return (ex, request.ExpectedVersion);
        }
    }

    /// <summary>One append's statements: blobs (before the entries that name them), entries, nodes, head.</summary>
    private static void AddWrites(NpgsqlBatch batch, AppendRequest request, AppendPlan plan, long recordedAt)
    {
        var streamId = request.StreamId;
        if (request.Blobs.Count > 0)
        {
            var blobs = request.Blobs.DistinctBy(b => b.Digest, StringComparer.Ordinal).ToArray();
            var put = new NpgsqlBatchCommand(PostgresJournalSchema.PutEnvelopes);
            put.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. blobs.Select(b => b.Digest)] });
            put.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. blobs.Select(b => b.Bytes.ToArray())] });
            batch.BatchCommands.Add(put);
        }

        var insert = new NpgsqlBatchCommand(PostgresJournalSchema.InsertEntries);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = recordedAt });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = plan.Versions });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. request.Entries.Select(e => e.Type)] });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. request.Entries.Select(e => e.Payload.ToArray())] });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = plan.LeafHashes });
        batch.BatchCommands.Add(insert);

        if (plan.Nodes.Count > 0)
        {
            var nodes = new NpgsqlBatchCommand(PostgresJournalSchema.InsertNodes);
            nodes.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            nodes.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. plan.Nodes.Select(n => n.Level)] });
            nodes.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. plan.Nodes.Select(n => n.Index)] });
            nodes.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. plan.Nodes.Select(n => n.Hash)] });
            batch.BatchCommands.Add(nodes);
        }

        var upsert = new NpgsqlBatchCommand(PostgresJournalSchema.UpsertHead);
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = plan.NewVersion });
        batch.BatchCommands.Add(upsert);
    }

    private static async Task<Dictionary<string, long>> ReadHeadsAsync(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch)
    {
        await using var read = new NpgsqlBatch(connection);
        read.BatchCommands.Add(new NpgsqlBatchCommand(PostgresJournalSchema.SynchronousCommit));
        var heads = new NpgsqlBatchCommand(PostgresJournalSchema.Heads);
        heads.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.StreamId).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        read.BatchCommands.Add(heads);
        // The reader starts at the first statement that returns rows: the heads.
        await using var reader = await read.ExecuteReaderAsync();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    private static async Task<long> ReadHeadAsync(NpgsqlConnection connection, string streamId, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand(PostgresJournalSchema.Head, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

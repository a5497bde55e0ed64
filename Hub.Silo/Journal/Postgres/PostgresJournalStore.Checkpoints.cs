using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Merkle;
using Npgsql;

namespace Hub.Silo.Journal.Postgres;

/// <summary>Signed checkpoints, kept in the journal database beside the streams they vouch for.</summary>
public sealed partial class PostgresJournalStore
{
    public Task SaveCheckpointAsync(JournalCheckpoint checkpoint, CancellationToken ct = default)
    {
        CheckpointAdmission.CheckArguments(checkpoint);
        var streamId = checkpoint.StreamId;
        return WithConnectionAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var lockHead = new NpgsqlCommand(PostgresJournalSchema.LockHead, connection))
            {
                lockHead.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
                await lockHead.ExecuteNonQueryAsync(ct);
            }

            var size = await ReadHeadAsync(connection, streamId, ct);
            CheckpointAdmission.CheckSize(
                checkpoint,
                size,
                (await ReadCheckpointAsync(connection, streamId, null, ct))?.TreeSize,
                await ReadCheckpointAsync(connection, streamId, checkpoint.TreeSize, ct) is not null);
            var nodes = new PostgresNodeSource(connection, streamId, size);
            await nodes.PrefetchFrontiersAsync([checkpoint.TreeSize], ct);
            CheckpointAdmission.CheckRoot(checkpoint, StreamVerifier.Guard(streamId, checkpoint.TreeSize, _alarm, () => MerkleProofBuilder.ComputeRoot(nodes, checkpoint.TreeSize)));

            await using var save = new NpgsqlBatch(connection);
            var insert = new NpgsqlBatchCommand(PostgresJournalSchema.SaveCheckpoint);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = checkpoint.TreeSize });
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = checkpoint.RootHash.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = checkpoint.SignedNote });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _clock.GetUtcNow().ToUnixTimeMilliseconds() });
            save.BatchCommands.Add(insert);
            var mark = new NpgsqlBatchCommand(PostgresJournalSchema.MarkCheckpointed);
            mark.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            mark.Parameters.Add(new NpgsqlParameter<long> { TypedValue = checkpoint.TreeSize });
            save.BatchCommands.Add(mark);
            await save.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, ct);
    }

    public Task<JournalCheckpoint?> GetCheckpointAsync(string streamId, long? treeSize = null, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        return WithConnectionAsync(connection => ReadCheckpointAsync(connection, streamId, treeSize, ct), ct);
    }

    public Task<IReadOnlyList<string>> ListStreamsToCheckpointAsync(string? afterStreamId, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return WithConnectionAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = new NpgsqlCommand(PostgresJournalSchema.StreamsToCheckpoint, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterStreamId ?? string.Empty });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            await using var reader = await command.ExecuteReaderAsync(ct);
            var streams = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                streams.Add(reader.GetString(0));
            }

            return streams;
        }, ct);
    }

    private static async Task<JournalCheckpoint?> ReadCheckpointAsync(NpgsqlConnection connection, string streamId, long? treeSize, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(PostgresJournalSchema.Checkpoint, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = treeSize is { } size ? size : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new JournalCheckpoint(
            streamId,
            reader.GetInt64(0),
            reader.GetFieldValue<byte[]>(1),
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }
}

using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>Signed checkpoints, kept in the journal file beside the streams they vouch for.</summary>
public sealed partial class SqliteJournalStore
{
    public async Task SaveCheckpointAsync(JournalCheckpoint checkpoint, CancellationToken ct = default)
    {
        CheckpointAdmission.CheckArguments(checkpoint);
        var streamId = checkpoint.StreamId;

        await using var connection = await OpenAsync(ct);
        using var transaction = connection.BeginTransaction(deferred: false);
        var size = ReadHead(connection, transaction, streamId);
        CheckpointAdmission.CheckSize(
            checkpoint,
            size,
            ReadCheckpoint(connection, transaction, streamId, null)?.TreeSize,
            ReadCheckpoint(connection, transaction, streamId, checkpoint.TreeSize) is not null);
        using (var nodes = new SqliteNodeSource(connection, transaction, streamId, size))
        {
            CheckpointAdmission.CheckRoot(checkpoint, FromStoredTree(streamId, checkpoint.TreeSize, () => MerkleProofBuilder.ComputeRoot(nodes, checkpoint.TreeSize)));
        }

        using (var save = connection.CreateCommand())
        {
            save.Transaction = transaction;
            save.CommandText = SqliteJournalSchema.SaveCheckpoint;
            save.Parameters.AddWithValue("$stream", streamId);
            save.Parameters.AddWithValue("$size", checkpoint.TreeSize);
            save.Parameters.AddWithValue("$root", checkpoint.RootHash.ToArray());
            save.Parameters.AddWithValue("$note", checkpoint.SignedNote);
            save.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToUnixTimeMilliseconds());
            save.ExecuteNonQuery();
        }

        using (var mark = connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = SqliteJournalSchema.MarkCheckpointed;
            mark.Parameters.AddWithValue("$stream", streamId);
            mark.Parameters.AddWithValue("$size", checkpoint.TreeSize);
            mark.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public async Task<JournalCheckpoint?> GetCheckpointAsync(string streamId, long? treeSize = null, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        await using var connection = await OpenAsync(ct);
        return ReadCheckpoint(connection, null, streamId, treeSize);
    }

    public async Task<IReadOnlyList<string>> ListStreamsToCheckpointAsync(string? afterStreamId, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteJournalSchema.StreamsToCheckpoint;
        command.Parameters.AddWithValue("$after", afterStreamId ?? string.Empty);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var streams = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            streams.Add(reader.GetString(0));
        }

        return streams;
    }

    private static JournalCheckpoint? ReadCheckpoint(SqliteConnection connection, SqliteTransaction? transaction, string streamId, long? treeSize)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteJournalSchema.Checkpoint;
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$size", treeSize is { } size ? size : DBNull.Value);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new JournalCheckpoint(
            streamId,
            reader.GetInt64(0),
            reader.GetValue(1) as byte[] ?? [],
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }
}

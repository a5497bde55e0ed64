using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>The writer loop's prepared statements, reused across batches to keep the hot path allocation-light.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _insertNode;
    private readonly SqliteCommand _upsertHead;
    private readonly SqliteCommand _putEnvelope;

    // SqliteTransaction.Save/Release/Rollback(name) build and prepare a new statement on every call; these are
    // prepared once. One savepoint name serves every append: appends never nest.
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        _head = connection.CreateCommand();
        _head.CommandText = SqliteJournalSchema.Head;
        _head.Parameters.Add("$stream", SqliteType.Text);

        _insert = connection.CreateCommand();
        _insert.CommandText = SqliteJournalSchema.Insert;
        _insert.Parameters.Add("$stream", SqliteType.Text);
        _insert.Parameters.Add("$version", SqliteType.Integer);
        _insert.Parameters.Add("$type", SqliteType.Text);
        _insert.Parameters.Add("$payload", SqliteType.Blob);
        _insert.Parameters.Add("$at", SqliteType.Integer);
        _insert.Parameters.Add("$leaf", SqliteType.Blob);

        _insertNode = connection.CreateCommand();
        _insertNode.CommandText = SqliteJournalSchema.InsertNode;
        _insertNode.Parameters.Add("$stream", SqliteType.Text);
        _insertNode.Parameters.Add("$level", SqliteType.Integer);
        _insertNode.Parameters.Add("$idx", SqliteType.Integer);
        _insertNode.Parameters.Add("$hash", SqliteType.Blob);

        _upsertHead = connection.CreateCommand();
        _upsertHead.CommandText = SqliteJournalSchema.UpsertHead;
        _upsertHead.Parameters.Add("$stream", SqliteType.Text);
        _upsertHead.Parameters.Add("$version", SqliteType.Integer);

        _putEnvelope = connection.CreateCommand();
        _putEnvelope.CommandText = SqliteJournalSchema.PutEnvelope;
        _putEnvelope.Parameters.Add("$digest", SqliteType.Text);
        _putEnvelope.Parameters.Add("$bytes", SqliteType.Blob);

        _savepoint = connection.CreateCommand();
        _savepoint.CommandText = "SAVEPOINT append";
        _release = connection.CreateCommand();
        _release.CommandText = "RELEASE append";
        _rollbackTo = connection.CreateCommand();
        _rollbackTo.CommandText = "ROLLBACK TO append";
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _head.Transaction = transaction;
        _insert.Transaction = transaction;
        _insertNode.Transaction = transaction;
        _upsertHead.Transaction = transaction;
        _putEnvelope.Transaction = transaction;
        _savepoint.Transaction = transaction;
        _release.Transaction = transaction;
        _rollbackTo.Transaction = transaction;
    }

    /// <summary>Starts the savepoint that makes one append all or nothing inside the batch's transaction.</summary>
    public void BeginAppend() => _savepoint.ExecuteNonQuery();

    /// <summary>Keeps the append's writes (they commit with the batch).</summary>
    public void EndAppend() => _release.ExecuteNonQuery();

    /// <summary>Undoes the append's writes and ends its savepoint; the rest of the batch is untouched.</summary>
    public void UndoAppend()
    {
        _rollbackTo.ExecuteNonQuery();
        _release.ExecuteNonQuery();
    }

    public long ReadHead(string streamId)
    {
        _head.Parameters[0].Value = streamId;
        return (long)_head.ExecuteScalar()!;
    }

    public void Insert(string streamId, long version, PendingEntry entry, long recordedAt, ReadOnlySpan<byte> leafHash)
    {
        _insert.Parameters[0].Value = streamId;
        _insert.Parameters[1].Value = version;
        _insert.Parameters[2].Value = entry.Type;
        _insert.Parameters[3].Value = entry.Payload.ToArray();
        _insert.Parameters[4].Value = recordedAt;
        _insert.Parameters[5].Value = leafHash.ToArray();
        _insert.ExecuteNonQuery();
    }

    public void InsertNode(string streamId, int level, long index, ReadOnlySpan<byte> hash)
    {
        _insertNode.Parameters[0].Value = streamId;
        _insertNode.Parameters[1].Value = level;
        _insertNode.Parameters[2].Value = index;
        _insertNode.Parameters[3].Value = hash.ToArray();
        _insertNode.ExecuteNonQuery();
    }

    public void UpsertHead(string streamId, long version)
    {
        _upsertHead.Parameters[0].Value = streamId;
        _upsertHead.Parameters[1].Value = version;
        _upsertHead.ExecuteNonQuery();
    }

    public void PutEnvelope(string digest, byte[] bytes)
    {
        _putEnvelope.Parameters[0].Value = digest;
        _putEnvelope.Parameters[1].Value = bytes;
        _putEnvelope.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackTo.Dispose();
        _putEnvelope.Dispose();
        _head.Dispose();
        _insert.Dispose();
        _insertNode.Dispose();
        _upsertHead.Dispose();
    }
}

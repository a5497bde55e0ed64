using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>The writer loop's statements, prepared once on the writer's connection and reused across batches.</summary>
/// <remarks>Parameters bind by position: the order in which each statement's <c>$names</c> first appear.</remarks>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteStatement _head;
    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _upsertHead;
    private readonly SqliteStatement _putBlob;
    private readonly SqliteStatement _dataVersion;

    // One savepoint name serves every append: appends never nest.
    private readonly SqliteStatement _savepoint;
    private readonly SqliteStatement _release;
    private readonly SqliteStatement _rollbackTo;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        _head = new SqliteStatement(connection, SqliteJournalSchema.Head);
        _insert = new SqliteStatement(connection, SqliteJournalSchema.Insert);
        _upsertHead = new SqliteStatement(connection, SqliteJournalSchema.UpsertHead);
        _putBlob = new SqliteStatement(connection, SqliteJournalSchema.PutBlob);
        _dataVersion = new SqliteStatement(connection, "PRAGMA data_version");
        _savepoint = new SqliteStatement(connection, "SAVEPOINT append");
        _release = new SqliteStatement(connection, "RELEASE append");
        _rollbackTo = new SqliteStatement(connection, "ROLLBACK TO append");
    }

    /// <summary>
    /// SQLite's counter of commits by other connections to the file (never moved by this connection's own):
    /// equal values read under the write lock mean nobody else wrote in between.
    /// </summary>
    public long DataVersion() => _dataVersion.ExecuteInt64();

    /// <summary>Starts the savepoint that makes one append all or nothing inside the batch's transaction.</summary>
    public void BeginAppend() => _savepoint.Execute();

    /// <summary>Keeps the append's writes (they commit with the batch).</summary>
    public void EndAppend() => _release.Execute();

    /// <summary>Undoes the append's writes and ends its savepoint; the rest of the batch is untouched.</summary>
    public void UndoAppend()
    {
        _rollbackTo.Execute();
        _release.Execute();
    }

    public long ReadHead(string streamId) => _head.Bind(1, streamId).ExecuteInt64();

    /// <summary>
    /// Inserts an entry with the packed roots of the subtrees it completes and the packed rowids of its append's blobs
    /// (each empty when there are none, stored as NULL).
    /// </summary>
    public void Insert(string streamId, long version, PendingEntry entry, long recordedAt, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> nodes, ReadOnlySpan<byte> blobs)
    {
        _insert.Bind(1, streamId).Bind(2, version).Bind(3, entry.Type).Bind(4, entry.Payload.Span).Bind(5, recordedAt).Bind(6, leafHash);
        BindOrNull(7, nodes);
        BindOrNull(8, blobs);
        _insert.Execute();
    }

    private void BindOrNull(int index, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            _insert.BindNull(index);
        }
        else
        {
            _insert.Bind(index, value);
        }
    }

    public void UpsertHead(string streamId, long version) => _upsertHead.Bind(1, streamId).Bind(2, version).Execute();

    /// <summary>Stores a blob at the end of <c>journal_blobs</c> and returns its rowid.</summary>
    public long PutBlob(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> bytes) => _putBlob.Bind(1, digest).Bind(2, bytes).ExecuteInsert();

    public void Dispose()
    {
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackTo.Dispose();
        _dataVersion.Dispose();
        _putBlob.Dispose();
        _head.Dispose();
        _insert.Dispose();
        _upsertHead.Dispose();
    }
}

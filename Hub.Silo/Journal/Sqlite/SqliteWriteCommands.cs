using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>The writer loop's prepared statements, reused across batches to keep the hot path allocation-light.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _insert;

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
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _head.Transaction = transaction;
        _insert.Transaction = transaction;
    }

    public long ReadHead(string streamId)
    {
        _head.Parameters[0].Value = streamId;
        return (long)_head.ExecuteScalar()!;
    }

    public void Insert(string streamId, long version, PendingEntry entry, long recordedAt)
    {
        _insert.Parameters[0].Value = streamId;
        _insert.Parameters[1].Value = version;
        _insert.Parameters[2].Value = entry.Type;
        _insert.Parameters[3].Value = entry.Payload.ToArray();
        _insert.Parameters[4].Value = recordedAt;
        _insert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _head.Dispose();
        _insert.Dispose();
    }
}

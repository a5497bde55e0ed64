using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// One stream's stored Merkle log, as of the given transaction's snapshot and cut at <see cref="LeafCount"/>:
/// level 0 from <c>journal_entries.leaf_hash</c>, higher levels from <c>journal_nodes</c>.
/// </summary>
internal sealed class SqliteNodeSource : IMerkleNodeSource, IDisposable
{
    private readonly SqliteCommand _leaf;
    private readonly SqliteCommand _node;

    public SqliteNodeSource(SqliteConnection connection, SqliteTransaction? transaction, string streamId, long leafCount)
    {
        LeafCount = leafCount;
        _leaf = connection.CreateCommand();
        _leaf.Transaction = transaction;
        _leaf.CommandText = SqliteJournalSchema.Leaf;
        _leaf.Parameters.AddWithValue("$stream", streamId);
        _leaf.Parameters.Add("$version", SqliteType.Integer);

        _node = connection.CreateCommand();
        _node.Transaction = transaction;
        _node.CommandText = SqliteJournalSchema.Node;
        _node.Parameters.AddWithValue("$stream", streamId);
        _node.Parameters.Add("$level", SqliteType.Integer);
        _node.Parameters.Add("$idx", SqliteType.Integer);
    }

    public long LeafCount { get; }

    public bool TryReadNode(int level, long index, Span<byte> destination)
    {
        // Only nodes complete within this tree size: a node past it may exist in a later snapshot.
        if (level is < 0 or > 62 || index < 0 || index >= LeafCount >> level)
        {
            return false;
        }

        object? hash;
        if (level == 0)
        {
            _leaf.Parameters[1].Value = index + 1;
            hash = _leaf.ExecuteScalar();
        }
        else
        {
            _node.Parameters[1].Value = level;
            _node.Parameters[2].Value = index;
            hash = _node.ExecuteScalar();
        }

        if (hash is not byte[] bytes || bytes.Length != MerkleHash.Size)
        {
            return false;
        }

        bytes.CopyTo(destination);
        return true;
    }

    public void Dispose()
    {
        _leaf.Dispose();
        _node.Dispose();
    }
}

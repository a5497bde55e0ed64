using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// One stream's stored Merkle log, as of the given transaction's snapshot and cut at <see cref="LeafCount"/>:
/// level 0 from <c>journal_entries.leaf_hash</c>, higher levels from the <c>nodes</c> of the entry that completed them
/// (<see cref="EntryNodes"/>), or from <c>journal_nodes</c> for entries written before nodes moved into the entry rows.
/// </summary>
internal sealed class SqliteNodeSource : IMerkleNodeSource, IDisposable
{
    private readonly SqliteCommand _leaf;
    private readonly SqliteCommand _entryNodes;
    private readonly SqliteCommand _legacyNode;

    public SqliteNodeSource(SqliteConnection connection, SqliteTransaction? transaction, string streamId, long leafCount)
    {
        LeafCount = leafCount;
        _leaf = connection.CreateCommand();
        _leaf.Transaction = transaction;
        _leaf.CommandText = SqliteJournalSchema.Leaf;
        _leaf.Parameters.AddWithValue("$stream", streamId);
        _leaf.Parameters.Add("$version", SqliteType.Integer);

        _entryNodes = connection.CreateCommand();
        _entryNodes.Transaction = transaction;
        _entryNodes.CommandText = SqliteJournalSchema.EntryNodes;
        _entryNodes.Parameters.AddWithValue("$stream", streamId);
        _entryNodes.Parameters.Add("$version", SqliteType.Integer);

        _legacyNode = connection.CreateCommand();
        _legacyNode.Transaction = transaction;
        _legacyNode.CommandText = SqliteJournalSchema.LegacyNode;
        _legacyNode.Parameters.AddWithValue("$stream", streamId);
        _legacyNode.Parameters.Add("$level", SqliteType.Integer);
        _legacyNode.Parameters.Add("$idx", SqliteType.Integer);
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
            _entryNodes.Parameters[1].Value = EntryNodes.HolderOf(level, index);
            if (EntryNodes.TryRead(_entryNodes.ExecuteScalar() as byte[], level, destination))
            {
                return true;
            }

            _legacyNode.Parameters[1].Value = level;
            _legacyNode.Parameters[2].Value = index;
            hash = _legacyNode.ExecuteScalar();
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
        _entryNodes.Dispose();
        _legacyNode.Dispose();
    }
}

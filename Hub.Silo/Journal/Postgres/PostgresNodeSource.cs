using Hub.Transparency.Merkle;
using Npgsql;

namespace Hub.Silo.Journal.Postgres;

/// <summary>
/// One stream's stored Merkle log as the connection's current transaction sees it, cut at <see cref="LeafCount"/>:
/// level 0 from <c>journal_entries.leaf_hash</c>, higher levels from <c>journal_nodes</c>.
/// </summary>
/// <remarks>
/// Every node is a round trip to the server, so the frontiers a restore or a root needs (the O(log n) nodes named
/// by the set bits of a tree size) are fetched up front in one query by <see cref="PrefetchFrontiersAsync"/>; any
/// other node (proofs) is read when asked for.
/// </remarks>
internal sealed class PostgresNodeSource(NpgsqlConnection connection, string streamId, long leafCount) : IMerkleNodeSource
{
    private readonly Dictionary<(int Level, long Index), byte[]> _known = [];

    public long LeafCount { get; } = leafCount;

    /// <summary>Loads the frontier nodes of each tree size in <paramref name="sizes"/> (sizes beyond the cut are ignored).</summary>
    public async Task PrefetchFrontiersAsync(IEnumerable<long> sizes, CancellationToken ct = default)
    {
        var levels = new List<int>();
        var indexes = new List<long>();
        var leafVersions = new List<long>();
        foreach (var size in sizes.Where(s => s > 0 && s <= LeafCount).Distinct())
        {
            // A tree of `size` leaves is the complete subtrees named by its set bits, largest first.
            long start = 0;
            for (var level = 62; level >= 0; level--)
            {
                var width = 1L << level;
                if ((size & width) == 0)
                {
                    continue;
                }

                if (level == 0)
                {
                    leafVersions.Add(start + 1);
                }
                else
                {
                    levels.Add(level);
                    indexes.Add(start >> level);
                }

                start += width;
            }
        }

        if (levels.Count == 0 && leafVersions.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(PostgresJournalSchema.Nodes, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. levels] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. indexes] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. leafVersions] });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _known[(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
        }
    }

    public bool TryReadNode(int level, long index, Span<byte> destination)
    {
        // Only nodes complete within this tree size: a node past it may exist in a later transaction.
        if (level is < 0 or > 62 || index < 0 || index >= LeafCount >> level)
        {
            return false;
        }

        if (!_known.TryGetValue((level, index), out var hash))
        {
            hash = ReadNode(level, index);
            if (hash is null)
            {
                return false;
            }

            _known[(level, index)] = hash;
        }

        if (hash.Length != MerkleHash.Size)
        {
            return false;
        }

        hash.CopyTo(destination);
        return true;
    }

    private byte[]? ReadNode(int level, long index)
    {
        using var command = new NpgsqlCommand(level == 0 ? PostgresJournalSchema.Leaf : PostgresJournalSchema.Node, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        if (level == 0)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = index + 1 });
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = level });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = index });
        }

        return command.ExecuteScalar() as byte[];
    }
}

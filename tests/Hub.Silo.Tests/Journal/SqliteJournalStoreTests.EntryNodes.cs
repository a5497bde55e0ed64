using Hub.Silo.Journal.Integrity;
using Hub.Silo.Journal.Sqlite;
using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Tests.Journal;

/// <summary>Tree nodes stored in the row of the entry that completed them, and files whose nodes are still in their own table.</summary>
public sealed partial class SqliteJournalStoreTests
{
    [Fact]
    public async Task EachEntryRowHoldsTheRootsOfTheSubtreesItCompletes()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        await AppendManyAsync(store, "rows", 8);
        var log = await RebuildLogAsync(store, "rows");

        var columns = await EntryNodeColumnsAsync("rows");

        // Version v completes one subtree per trailing zero bit: 2 → level 1, 4 → levels 1-2, 8 → levels 1-3; odd ones none.
        Assert.Equal([0, 1, 0, 2, 0, 1, 0, 3], columns.Select(c => (c?.Length ?? 0) / MerkleHash.Size));
        var expected = new byte[MerkleHash.Size];
        log.TryReadNode(3, 0, expected);
        Assert.Equal(expected, columns[7]![(2 * MerkleHash.Size)..]);
        Assert.Equal(expected, (await store.GetTreeHeadAsync("rows")).RootHash.ToArray());
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM journal_nodes"));
    }

    [Fact]
    public async Task AnEditedNodeColumnIsAWrongRootAndAnErasedOneIsRecomputedFromTheLeaves()
    {
        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        await AppendManyAsync(store, "edited", 8);
        await AppendManyAsync(store, "erased", 8);
        var erasedRoot = (await RebuildLogAsync(store, "erased")).GetRoot();

        await ExecuteAsync("UPDATE journal_entries SET nodes = randomblob(96) WHERE stream_id = 'edited' AND version = 8");
        await ExecuteAsync("UPDATE journal_entries SET nodes = NULL WHERE stream_id = 'erased' AND version = 8");

        var wrong = await Assert.ThrowsAsync<JournalTamperedException>(() => store.GetTreeHeadAsync("edited"));
        Assert.Equal(JournalIntegrityCheck.TreeRoot, wrong.Check);
        // Nodes are a cache of hashes over the leaves: without them the root is recomputed, and it is still the right one.
        Assert.Equal(erasedRoot, (await store.GetTreeHeadAsync("erased")).RootHash.ToArray());
    }

    [Fact]
    public async Task AFileWithItsNodesInTheNodeTableIsUpgradedAndItsStreamsProveAndGrow()
    {
        await using (var before = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath }))
        {
            await AppendManyAsync(before, "upgraded", 6);
        }

        await RewriteAsFileWithNodeTableAsync();
        Assert.Equal(4L, await ScalarAsync("SELECT COUNT(*) FROM journal_nodes WHERE stream_id = 'upgraded'"));

        await using var store = new SqliteJournalStore(new SqliteJournalOptions { Path = DatabasePath });
        // Entry 8 completes the subtree of level 3 over leaves 0-7: the writer restores its frontier from the old table.
        await AppendManyAsync(store, "upgraded", 7);
        var log = await RebuildLogAsync(store, "upgraded");

        Assert.Equal(log.GetRoot(), (await store.GetTreeHeadAsync("upgraded")).RootHash.ToArray());
        var root = log.GetRoot();
        for (long version = 1; version <= 13; version++)
        {
            var leaf = new byte[MerkleHash.Size];
            log.TryReadNode(0, version - 1, leaf);
            var proof = await store.GetInclusionProofAsync("upgraded", version, 13);
            Assert.True(MerkleProofVerifier.VerifyInclusion(leaf, version - 1, 13, proof, root), $"entry {version}");
        }

        var consistency = await store.GetConsistencyProofAsync("upgraded", 6, 13);
        Assert.True(MerkleProofVerifier.VerifyConsistency(6, 13, MerkleProofBuilder.ComputeRoot(log, 6), root, consistency));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 3, 0, 1, 0, 2, 0], (await EntryNodeColumnsAsync("upgraded")).Select(c => (c?.Length ?? 0) / MerkleHash.Size));
    }

    /// <summary>
    /// Turns the file into one written before nodes moved into the entry rows: every node into <c>journal_nodes</c>,
    /// and no <c>nodes</c> column.
    /// </summary>
    private async Task RewriteAsFileWithNodeTableAsync()
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        var holders = new List<(string Stream, long Version, byte[] Nodes)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT stream_id, version, nodes FROM journal_entries WHERE nodes IS NOT NULL";
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                holders.Add((rows.GetString(0), rows.GetInt64(1), (byte[])rows.GetValue(2)));
            }
        }

        foreach (var (stream, version, nodes) in holders)
        {
            for (var level = 1; level * MerkleHash.Size <= nodes.Length; level++)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO journal_nodes (stream_id, level, idx, hash) VALUES (@s, @l, @i, @h)";
                insert.Parameters.AddWithValue("@s", stream);
                insert.Parameters.AddWithValue("@l", level);
                insert.Parameters.AddWithValue("@i", (version >> level) - 1);
                insert.Parameters.AddWithValue("@h", nodes[((level - 1) * MerkleHash.Size)..(level * MerkleHash.Size)]);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var drop = connection.CreateCommand();
        drop.CommandText = "ALTER TABLE journal_entries DROP COLUMN nodes";
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<List<byte[]?>> EntryNodeColumnsAsync(string stream)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT nodes FROM journal_entries WHERE stream_id = @s ORDER BY version";
        command.Parameters.AddWithValue("@s", stream);
        var columns = new List<byte[]?>();
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            columns.Add(rows.IsDBNull(0) ? null : (byte[])rows.GetValue(0));
        }

        return columns;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

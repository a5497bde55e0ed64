using Hub.Silo.Journal.GroupCommit;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// The <c>journal_entries.nodes</c> column: the roots of the complete, aligned subtrees an entry completes, stored in
/// that entry's row.
/// </summary>
/// <remarks>
/// Leaf <c>v - 1</c> (the entry of version <c>v</c>) completes the subtree of level <c>L ≥ 1</c> and index
/// <c>v / 2^L - 1</c> for every <c>L</c> up to the number of trailing zero bits of <c>v</c>, and no other. So node
/// <c>(L, i)</c> is found in the row of version <c>(i + 1) · 2^L</c>, at bytes <c>[(L - 1) · 32, L · 32)</c>:
/// one point read of a row that the stream's primary key finds, as a row of a node table was.
/// </remarks>
internal static class EntryNodes
{
    /// <summary>Levels 1 to 62: a stream never has 2^63 entries.</summary>
    public const int MaxBytes = 62 * MerkleHash.Size;

    /// <summary>The version of the entry whose row holds node (<paramref name="level"/>, <paramref name="index"/>).</summary>
    public static long HolderOf(int level, long index) => (index + 1) << level;

    /// <summary>
    /// Packs the nodes that the entry of <paramref name="version"/> completed, starting at <paramref name="next"/> in the
    /// plan's completion order, into <paramref name="buffer"/>; moves <paramref name="next"/> past them. Empty when none.
    /// </summary>
    public static ReadOnlySpan<byte> Pack(long version, List<AppendPlan.StoredNode> nodes, ref int next, byte[] buffer)
    {
        var count = 0;
        while (next < nodes.Count && HolderOf(nodes[next].Level, nodes[next].Index) == version)
        {
            var node = nodes[next];
            if (node.Level != count + 1)
            {
                // The accumulator completes levels bottom-up; anything else would store a node where no reader looks.
                throw new InvalidOperationException($"Entry {version} completed level {node.Level} after {count} lower levels.");
            }

            node.Hash.CopyTo(buffer, count * MerkleHash.Size);
            count++;
            next++;
        }

        return buffer.AsSpan(0, count * MerkleHash.Size);
    }

    /// <summary>Copies the node of <paramref name="level"/> out of a holder's column; false when the column does not hold it.</summary>
    public static bool TryRead(byte[]? column, int level, Span<byte> destination)
    {
        if (level < 1 || column is null || column.Length < level * MerkleHash.Size || column.Length % MerkleHash.Size != 0)
        {
            return false;
        }

        column.AsSpan((level - 1) * MerkleHash.Size, MerkleHash.Size).CopyTo(destination);
        return true;
    }
}

using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Journal.GroupCommit;

/// <summary>
/// The rows one append writes: each entry's version and Merkle leaf hash, and every tree node the append
/// completes. Built on the stream's frontier, which it advances (a store evicts that frontier when the append
/// is rolled back).
/// </summary>
internal sealed class AppendPlan
{
    private AppendPlan(long[] versions, byte[][] leafHashes, List<StoredNode> nodes)
    {
        Versions = versions;
        LeafHashes = leafHashes;
        Nodes = nodes;
    }

    /// <summary>Version of each entry, in order.</summary>
    public long[] Versions { get; }

    /// <summary>Leaf hash of each entry, in order.</summary>
    public byte[][] LeafHashes { get; }

    /// <summary>Interior nodes (level ≥ 1) completed by this append, bottom-up.</summary>
    public List<StoredNode> Nodes { get; }

    /// <summary>The stream's version once the append is written.</summary>
    public long NewVersion => Versions[^1];

    /// <summary>Hashes the entries as leaves <c>head + 1 …</c> of <paramref name="tree"/> (at <paramref name="head"/>), advancing it.</summary>
    public static AppendPlan Build(string streamId, long head, MerkleAccumulator tree, IReadOnlyList<PendingEntry> entries, long recordedAt)
    {
        if (tree.Size != head)
        {
            throw new InvalidOperationException($"The frontier of '{streamId}' is at {tree.Size}, not at the stream's head {head}.");
        }

        var versions = new long[entries.Count];
        var leaves = new byte[entries.Count][];
        var nodes = new List<StoredNode>(entries.Count + 1);
        CompletedSubtreeHandler keep = (level, index, hash) => nodes.Add(new StoredNode(level, index, hash.ToArray()));
        for (var i = 0; i < entries.Count; i++)
        {
            var version = head + i + 1;
            var leaf = new byte[MerkleHash.Size];
            JournalLeaf.ComputeHash(streamId, version, entries[i].Type, recordedAt, entries[i].Payload.Span, leaf);
            tree.Append(leaf, keep);
            versions[i] = version;
            leaves[i] = leaf;
        }

        return new AppendPlan(versions, leaves, nodes);
    }

    /// <summary>A completed subtree's root: <c>2^Level</c> leaves from leaf <c>Index · 2^Level</c>.</summary>
    internal readonly record struct StoredNode(int Level, long Index, byte[] Hash);
}

using Hub.Transparency.Merkle;

namespace Hub.Silo.Journal.Integrity;

/// <summary>
/// The writer's per-stream Merkle frontiers (at most 64 × 32 bytes each), so an append costs O(log n)
/// hashes instead of a read of the stream's stored tree. Bounded: past the capacity a stream is dropped
/// and restored from its stored nodes (O(log n) reads) on its next append.
/// </summary>
/// <remarks>Single-threaded: only the writer loop uses it.</remarks>
internal sealed class FrontierCache(int capacity)
{
    private readonly Dictionary<string, MerkleAccumulator> _trees = new(StringComparer.Ordinal);

    /// <summary>The frontier of <paramref name="streamId"/> at <paramref name="size"/>, from the cache or <paramref name="restore"/>.</summary>
    public MerkleAccumulator Get(string streamId, long size, Func<MerkleAccumulator> restore)
    {
        if (_trees.TryGetValue(streamId, out var tree) && tree.Size == size)
        {
            return tree;
        }

        if (_trees.Count >= capacity && !_trees.ContainsKey(streamId))
        {
            foreach (var key in _trees.Keys)
            {
                _trees.Remove(key);
                break;
            }
        }

        tree = restore();
        _trees[streamId] = tree;
        return tree;
    }

    /// <summary>The size of the stream's cached frontier: its version as of the writer's last append to it.</summary>
    public bool TryGetSize(string streamId, out long size)
    {
        var cached = _trees.TryGetValue(streamId, out var tree);
        size = cached ? tree!.Size : 0;
        return cached;
    }

    /// <summary>True when the stream's frontier at exactly <paramref name="size"/> is cached.</summary>
    public bool Contains(string streamId, long size) => _trees.TryGetValue(streamId, out var tree) && tree.Size == size;

    /// <summary>Forgets a stream whose append was rolled back (its frontier ran ahead of the database).</summary>
    public void Evict(string streamId) => _trees.Remove(streamId);

    /// <summary>Forgets everything (a whole batch was rolled back).</summary>
    public void Clear() => _trees.Clear();

    /// <summary>Forgets the trees of the given streams (a batch rolled back after advancing some of them).</summary>
    public void Evict(IEnumerable<string> streamIds)
    {
        foreach (var streamId in streamIds)
        {
            _trees.Remove(streamId);
        }
    }
}

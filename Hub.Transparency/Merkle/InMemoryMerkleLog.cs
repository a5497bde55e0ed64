namespace Hub.Transparency.Merkle;

/// <summary>
/// An in-memory Merkle log that keeps every level of complete subtrees (about 2 × 32 bytes per
/// leaf), so roots and proofs at any size cost O(log n) reads plus O(log² n) hashes at worst.
/// </summary>
/// <remarks>Not thread-safe: appends and reads must not overlap.</remarks>
public sealed class InMemoryMerkleLog : IMerkleNodeSource
{
    private readonly MerkleAccumulator _accumulator = new();
    private readonly List<byte[]> _levels = [];
    private readonly CompletedSubtreeHandler _storeNode;

    /// <summary>Creates an empty log.</summary>
    public InMemoryMerkleLog()
    {
        _storeNode = StoreNode;
    }

    /// <inheritdoc />
    public long LeafCount => _accumulator.Size;

    /// <summary>Appends one entry, hashing it as a leaf, and returns its leaf index.</summary>
    public long AppendEntry(ReadOnlySpan<byte> entry)
    {
        Span<byte> leafHash = stackalloc byte[MerkleHash.Size];
        MerkleHash.HashLeaf(entry, leafHash);
        return AppendLeafHash(leafHash);
    }

    /// <summary>Appends one 32-byte leaf hash and returns its leaf index.</summary>
    /// <exception cref="ArgumentException"><paramref name="leafHash"/> is not 32 bytes.</exception>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }
        long index = _accumulator.Size;
        StoreNode(0, index, leafHash);
        _accumulator.Append(leafHash, _storeNode);
        return index;
    }

    /// <summary>Writes the root hash at the current size.</summary>
    public void GetRoot(Span<byte> destination) => _accumulator.GetRoot(destination);

    /// <summary>Returns the root hash at the current size.</summary>
    public byte[] GetRoot() => _accumulator.GetRoot();

    /// <inheritdoc />
    public bool TryReadNode(int level, long index, Span<byte> destination)
    {
        if (level < 0 || level >= _levels.Count || index < 0 || index >= (LeafCount >> level))
        {
            return false;
        }
        _levels[level].AsSpan(checked((int)(index * MerkleHash.Size)), MerkleHash.Size).CopyTo(destination);
        return true;
    }

    private void StoreNode(int level, long index, ReadOnlySpan<byte> hash)
    {
        if (level == _levels.Count)
        {
            _levels.Add(new byte[MerkleHash.Size * 16]);
        }
        long offset = index * MerkleHash.Size;
        var storage = _levels[level];
        if (offset + MerkleHash.Size > storage.Length)
        {
            // Nodes of a level arrive strictly in index order, so doubling keeps appends amortised O(1).
            Array.Resize(ref storage, checked(storage.Length * 2));
            _levels[level] = storage;
        }
        hash.CopyTo(storage.AsSpan((int)offset, MerkleHash.Size));
    }
}

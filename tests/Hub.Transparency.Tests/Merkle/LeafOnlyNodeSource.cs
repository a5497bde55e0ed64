using Hub.Transparency.Merkle;

namespace Hub.Transparency.Tests.Merkle;

/// <summary>A node source that keeps only leaf hashes, to exercise the compute-from-children path.</summary>
internal sealed class LeafOnlyNodeSource(IReadOnlyList<byte[]> leafHashes) : IMerkleNodeSource
{
    public long LeafCount => leafHashes.Count;

    public bool TryReadNode(int level, long index, Span<byte> destination)
    {
        if (level != 0 || index >= leafHashes.Count)
        {
            return false;
        }
        leafHashes[(int)index].CopyTo(destination);
        return true;
    }
}

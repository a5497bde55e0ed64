using System.Numerics;

namespace Hub.Transparency.Merkle;

/// <summary>Computes MTH of any leaf range of a stored log from its largest stored complete subtrees.</summary>
internal static class SubtreeHasher
{
    /// <summary>Writes MTH(D[start : start + count]) for <paramref name="count"/> ≥ 1.</summary>
    public static void Hash(IMerkleNodeSource source, long start, long count, Span<byte> destination)
    {
        if (long.IsPow2(count) && start % count == 0)
        {
            int level = BitOperations.Log2((ulong)count);
            if (source.TryReadNode(level, start >> level, destination))
            {
                return;
            }
            if (level == 0)
            {
                throw new InvalidOperationException($"The node source has no leaf hash at index {start}.");
            }
        }

        // RFC 9162 §2.1.1: split at the largest power of two smaller than the range.
        long k = LargestPowerOfTwoBelow(count);
        Span<byte> children = stackalloc byte[2 * MerkleHash.Size];
        Hash(source, start, k, children[..MerkleHash.Size]);
        Hash(source, start + k, count - k, children[MerkleHash.Size..]);
        MerkleHash.HashChildren(children[..MerkleHash.Size], children[MerkleHash.Size..], destination);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    public static long LargestPowerOfTwoBelow(long n) => 1L << BitOperations.Log2((ulong)(n - 1));
}

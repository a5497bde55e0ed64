// ChunkedAudit: full-log verification split over threads, and the SHA-256 floor split the same way.
//
// The log is cut into aligned chunks of 2^14 leaves. Each chunk's subtree root is computed on its own
// (leaf hashes into a local MerkleAccumulator); the chunk roots are then folded, in order, by one more
// accumulator. RFC 9162 splits a range at the largest power of two below its size, which for ranges of
// more than one chunk is always a chunk boundary, so folding the chunk roots (the last one possibly
// partial) gives exactly MTH of the whole log. Both sides use the same chunks, the same
// Parallel.For and the same degree of parallelism; neither allocates per entry.
using System.Security.Cryptography;
using Hub.Transparency.Merkle;

namespace Hub.Bench.Audit;

/// <summary>Full audit and SHA-256 floor over the same chunks with the same degree of parallelism.</summary>
internal static class ChunkedAudit
{
    public const int ChunkLeaves = 1 << 14;

    /// <summary>Recomputes MTH of all entries (leaf hash of each encoded entry, then the tree).</summary>
    public static byte[] ComputeRoot(byte[][] entries, int degreeOfParallelism)
    {
        int chunks = (entries.Length + ChunkLeaves - 1) / ChunkLeaves;
        var roots = new byte[chunks * MerkleHash.Size];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, chunk =>
        {
            var accumulator = new MerkleAccumulator();
            Span<byte> leaf = stackalloc byte[MerkleHash.Size];
            int end = Math.Min(entries.Length, (chunk + 1) * ChunkLeaves);
            for (int i = chunk * ChunkLeaves; i < end; i++)
            {
                MerkleHash.HashLeaf(entries[i], leaf);
                accumulator.Append(leaf);
            }
            accumulator.GetRoot(roots.AsSpan(chunk * MerkleHash.Size, MerkleHash.Size));
        });

        var top = new MerkleAccumulator();
        for (int chunk = 0; chunk < chunks; chunk++)
        {
            top.Append(roots.AsSpan(chunk * MerkleHash.Size, MerkleHash.Size));
        }
        return top.GetRoot();
    }

    /// <summary>
    /// The floor: one SHA-256 of each encoded entry (its leaf hash, 0x00 || entry: the same blocks as the entry
    /// alone), nothing else, over the same chunks and through the same SHA-256 implementation as the audit.
    /// </summary>
    public static void HashFloor(byte[][] entries, int degreeOfParallelism) =>
        ForEachEntry(entries, degreeOfParallelism, static (entry, digest) => MerkleHash.HashLeaf(entry, digest));

    /// <summary>For reference only: SHA256.HashData of each entry, the BCL's one-shot API (not what the audit uses).</summary>
    public static void BclHashFloor(byte[][] entries, int degreeOfParallelism) =>
        ForEachEntry(entries, degreeOfParallelism, static (entry, digest) => SHA256.HashData(entry, digest));

    private delegate void EntryHasher(byte[] entry, Span<byte> digest);

    private static void ForEachEntry(byte[][] entries, int degreeOfParallelism, EntryHasher hash)
    {
        int chunks = (entries.Length + ChunkLeaves - 1) / ChunkLeaves;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, chunk =>
        {
            Span<byte> digest = stackalloc byte[32];
            int end = Math.Min(entries.Length, (chunk + 1) * ChunkLeaves);
            for (int i = chunk * ChunkLeaves; i < end; i++)
            {
                hash(entries[i], digest);
            }
        });
    }
}

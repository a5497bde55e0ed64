namespace Hub.Silo.Journal;

/// <summary>A stream's Merkle tree head: its size and root, recomputed and verified by the store.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Size">Number of entries (the stream's version).</param>
/// <param name="RootHash">The RFC 9162 root hash at <paramref name="Size"/> (the empty-tree hash for 0).</param>
public sealed record JournalTreeHead(string StreamId, long Size, ReadOnlyMemory<byte> RootHash);

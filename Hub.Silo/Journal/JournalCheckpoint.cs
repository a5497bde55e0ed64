namespace Hub.Silo.Journal;

/// <summary>A signed checkpoint of a stream as the journal keeps it.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="TreeSize">The stream's version (tree size) the checkpoint covers.</param>
/// <param name="RootHash">The RFC 9162 root of the stream's Merkle log at <paramref name="TreeSize"/>.</param>
/// <param name="SignedNote">The C2SP signed note: the hub's signature and any witness cosignatures.</param>
/// <param name="RecordedAt">When the journal stored it (or last added a cosignature).</param>
public sealed record JournalCheckpoint(string StreamId, long TreeSize, ReadOnlyMemory<byte> RootHash, string SignedNote, DateTimeOffset RecordedAt);

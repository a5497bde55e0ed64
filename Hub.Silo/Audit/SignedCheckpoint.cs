namespace Hub.Silo.Audit;

/// <summary>A stream's checkpoint as the hub serves it.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Origin">The checkpoint origin, <c>&lt;prefix&gt;/&lt;cluster id&gt;/&lt;stream id&gt;</c>.</param>
/// <param name="TreeSize">Entries covered.</param>
/// <param name="RootHash">RFC 9162 root at <paramref name="TreeSize"/>.</param>
/// <param name="SignedNote">The C2SP signed note: the hub's signature and any witness cosignatures.</param>
public sealed record SignedCheckpoint(string StreamId, string Origin, long TreeSize, ReadOnlyMemory<byte> RootHash, string SignedNote);

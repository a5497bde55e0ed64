namespace Hub.Client.Wire;

/// <summary>A stream's signed checkpoint as the hub serves it (<c>GET …/audit/checkpoint</c>).</summary>
/// <param name="Origin">The checkpoint origin, <c>&lt;hub key name&gt;/&lt;stream id&gt;</c>.</param>
/// <param name="TreeSize">Entries covered.</param>
/// <param name="RootHash">RFC 9162 root at <paramref name="TreeSize"/>: the hub's claim; verify the note instead.</param>
/// <param name="Note">The C2SP signed note with the hub's signature and any witness cosignatures.</param>
public sealed record AuditCheckpoint(string Origin, long TreeSize, byte[] RootHash, string Note);

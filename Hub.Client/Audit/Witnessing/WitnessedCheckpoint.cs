namespace Hub.Client.Audit.Witnessing;

/// <summary>The last checkpoint of a stream a witness verified: what later checkpoints must extend.</summary>
/// <param name="Origin">The checkpoint origin (hub key name and stream id).</param>
/// <param name="TreeSize">Entries covered.</param>
/// <param name="RootHash">The verified RFC 9162 root.</param>
/// <param name="Note">The signed note as verified: with the one that contradicts it, proof that the hub forked the log.</param>
public sealed record WitnessedCheckpoint(string Origin, long TreeSize, byte[] RootHash, string Note);

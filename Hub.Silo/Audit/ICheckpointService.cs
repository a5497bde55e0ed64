namespace Hub.Silo.Audit;

/// <summary>
/// Signs, stores and serves the checkpoints and proofs of the hub's streams (each stream a Merkle log).
/// Callers (later: case-level audit endpoints) decide who may see which stream; this service does not.
/// </summary>
public interface ICheckpointService
{
    /// <summary>The log keys clients verify checkpoints with: the current key first, then previous keys still trusted.</summary>
    IReadOnlyList<string> PublishedKeys { get; }

    /// <summary>Trusted witness cosignature keys.</summary>
    IReadOnlyList<string> WitnessKeys { get; }

    /// <summary>The checkpoint origin of a stream.</summary>
    string OriginOf(string streamId);

    /// <summary>
    /// Signs and stores a checkpoint of the stream at its current size, after verifying the stream (fail closed)
    /// and that it extends the previous signed checkpoint; returns the latest one unchanged when nothing was appended.
    /// </summary>
    /// <exception cref="Journal.Integrity.JournalTamperedException">The stream or its previous checkpoint failed verification.</exception>
    Task<SignedCheckpoint> SignCheckpointAsync(string streamId, CancellationToken ct = default);

    /// <summary>The latest signed checkpoint of the stream (with its cosignatures), or null when none was signed yet.</summary>
    Task<SignedCheckpoint?> GetCheckpointAsync(string streamId, CancellationToken ct = default);

    /// <summary>RFC 9162 inclusion proof of the entry at <paramref name="version"/> (leaf <c>version - 1</c>) in the tree of <paramref name="treeSize"/>.</summary>
    Task<byte[]> GetInclusionProofAsync(string streamId, long version, long treeSize, CancellationToken ct = default);

    /// <summary>RFC 9162 consistency proof from tree size <paramref name="fromSize"/> to <paramref name="toSize"/>.</summary>
    Task<byte[]> GetConsistencyProofAsync(string streamId, long fromSize, long toSize, CancellationToken ct = default);

    /// <summary>
    /// Adds the lines of trusted witnesses from a cosigned copy of one of the stream's stored checkpoints
    /// (tlog-cosignature v1, verified against the configured witness keys) to the stored note.
    /// </summary>
    Task<CosignatureResult> AddCosignatureAsync(string streamId, string cosignedNote, CancellationToken ct = default);
}

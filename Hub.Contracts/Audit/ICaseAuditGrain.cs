using Hub.Contracts.Cases;

namespace Hub.Contracts.Audit;

/// <summary>
/// The audit trail of one case's journal stream (keyed by the case id): checkpoints, entries, proofs, witness
/// cosignatures and evidence bundles. Every method first asks the case grain whether the caller may audit it;
/// a caller who may not gets NotFound (null), exactly as for a case that does not exist.
/// </summary>
[Alias("Hub.Contracts.Audit.ICaseAuditGrain")]
public interface ICaseAuditGrain : IGrainWithGuidKey
{
    /// <summary>The latest signed checkpoint, signed on demand when the stream grew since the last one.</summary>
    [Alias("GetCheckpointAsync")]
    Task<AuditCheckpoint?> GetCheckpointAsync(Caller caller, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> entries with versions after <paramref name="afterVersion"/>, canonically encoded.</summary>
    [Alias("GetEntriesAsync")]
    Task<AuditEntryPage?> GetEntriesAsync(Caller caller, long afterVersion, int limit, CancellationToken ct = default);

    /// <summary>Inclusion proof of the entry at <paramref name="version"/> in the tree of <paramref name="treeSize"/> entries.</summary>
    [Alias("GetInclusionProofAsync")]
    Task<(CaseResult Result, AuditProof? Proof)> GetInclusionProofAsync(Caller caller, long version, long treeSize, CancellationToken ct = default);

    /// <summary>Consistency proof from tree size <paramref name="fromSize"/> to <paramref name="toSize"/>.</summary>
    [Alias("GetConsistencyProofAsync")]
    Task<(CaseResult Result, AuditProof? Proof)> GetConsistencyProofAsync(Caller caller, long fromSize, long toSize, CancellationToken ct = default);

    /// <summary>Stores the trusted witnesses' cosignatures of a checkpoint the hub signed for this case.</summary>
    [Alias("AddCosignatureAsync")]
    Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> AddCosignatureAsync(Caller caller, string cosignedNote, CancellationToken ct = default);

    /// <summary>Journals the export, then builds the <c>hub.evidence-bundle/v1</c> JSON (UTF-8) of the case stream.</summary>
    [Alias("ExportAsync")]
    Task<(CaseResult Result, byte[]? Bundle)> ExportAsync(Caller caller, CancellationToken ct = default);
}

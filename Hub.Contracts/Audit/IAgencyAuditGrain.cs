using Hub.Contracts.Cases;

namespace Hub.Contracts.Audit;

/// <summary>
/// The audit trail of one agency's key-directory stream (<c>agency/&lt;id&gt;</c>, keyed by the agency id).
/// Every agency of the network relies on every other agency's keys, so any member may witness the stream: checkpoints,
/// proofs and cosignatures. The entries themselves name the agency's staff and are for its own members only.
/// An agency the hub has never recorded is NotFound.
/// </summary>
[Alias("Hub.Contracts.Audit.IAgencyAuditGrain")]
public interface IAgencyAuditGrain : IGrainWithStringKey
{
    /// <summary>The latest signed checkpoint, signed on demand when the stream grew since the last one.</summary>
    [Alias("GetCheckpointAsync")]
    Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> GetCheckpointAsync(Caller caller, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="afterVersion"/> (the agency's own members).</summary>
    [Alias("GetEntriesAsync")]
    Task<(CaseResult Result, AuditEntryPage? Page)> GetEntriesAsync(Caller caller, long afterVersion, int limit, CancellationToken ct = default);

    /// <summary>Inclusion proof of the entry at <paramref name="version"/> in the tree of <paramref name="treeSize"/> entries.</summary>
    [Alias("GetInclusionProofAsync")]
    Task<(CaseResult Result, AuditProof? Proof)> GetInclusionProofAsync(Caller caller, long version, long treeSize, CancellationToken ct = default);

    /// <summary>Consistency proof from tree size <paramref name="fromSize"/> to <paramref name="toSize"/>.</summary>
    [Alias("GetConsistencyProofAsync")]
    Task<(CaseResult Result, AuditProof? Proof)> GetConsistencyProofAsync(Caller caller, long fromSize, long toSize, CancellationToken ct = default);

    /// <summary>Stores the trusted witnesses' cosignatures of a checkpoint the hub signed for this stream.</summary>
    [Alias("AddCosignatureAsync")]
    Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> AddCosignatureAsync(Caller caller, string cosignedNote, CancellationToken ct = default);
}

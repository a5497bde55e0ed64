using Hub.Contracts;
using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Silo.Agencies;
using Hub.Silo.Journal;
using Orleans.Concurrency;

namespace Hub.Silo.Audit;

/// <summary>
/// Serves an agency key directory's audit trail. Stateless like <see cref="CaseAuditGrain"/>: the journal and the
/// checkpoint service hold everything. Whether the agency exists is public (the directory lists it), so the only
/// NotFound is for a stream the hub never wrote.
/// </summary>
[StatelessWorker]
public sealed class AgencyAuditGrain(ICheckpointService checkpoints, IJournalStore journal) : Grain, IAgencyAuditGrain
{
    private readonly StreamAuditor _auditor = new(checkpoints, journal);

    private string AgencyId => this.GetPrimaryKeyString();

    private string StreamId => AgencyEvents.StreamId(AgencyId);

    public async Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> GetCheckpointAsync(Caller caller, CancellationToken ct) =>
        (await DenyAsync(caller, ct)).Denied is { } denied ? (denied, null) : (new CaseResult(CaseResultStatus.Done), await _auditor.GetCheckpointAsync(StreamId, ct));

    public async Task<(CaseResult Result, AuditEntryPage? Page)> GetEntriesAsync(Caller caller, long afterVersion, int limit, CancellationToken ct)
    {
        var (denied, version) = await DenyAsync(caller, ct);
        if (denied is not null)
        {
            return (denied, null);
        }

        // Entries carry who enrolled which device: staff identities other agencies have no need to know.
        return caller.AgencyId == AgencyId
            ? (new CaseResult(CaseResultStatus.Done), await _auditor.GetEntriesAsync(StreamId, version, afterVersion, limit, ct))
            : (CaseResult.Forbidden("Only the agency's own members read its directory entries; other agencies witness its checkpoints and proofs."), null);
    }

    public async Task<(CaseResult Result, AuditProof? Proof)> GetInclusionProofAsync(Caller caller, long version, long treeSize, CancellationToken ct)
    {
        var (denied, streamVersion) = await DenyAsync(caller, ct);
        return denied is not null ? (denied, null) : await _auditor.GetInclusionProofAsync(StreamId, streamVersion, version, treeSize, ct);
    }

    public async Task<(CaseResult Result, AuditProof? Proof)> GetConsistencyProofAsync(Caller caller, long fromSize, long toSize, CancellationToken ct)
    {
        var (denied, streamVersion) = await DenyAsync(caller, ct);
        return denied is not null ? (denied, null) : await _auditor.GetConsistencyProofAsync(StreamId, streamVersion, fromSize, toSize, ct);
    }

    public async Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> AddCosignatureAsync(Caller caller, string cosignedNote, CancellationToken ct) =>
        (await DenyAsync(caller, ct)).Denied is { } denied ? (denied, null) : await _auditor.AddCosignatureAsync(StreamId, cosignedNote, ct);

    /// <summary>
    /// The refusal (null when the caller acts for an agency of the network and the stream exists), and the stream's
    /// version as read for that check. The entry and proof answers bound themselves by this same version rather than
    /// reading it again: one read per call. The stream only grows, so this is the version at the start of the call; it
    /// is not a snapshot the answer must share with anything else (the checkpoint service reads its own tree head).
    /// </summary>
    private async Task<(CaseResult? Denied, long Version)> DenyAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsSystem || string.IsNullOrEmpty(caller.AgencyId))
        {
            return (CaseResult.Forbidden("Directory audits are for members of the network's agencies."), 0);
        }

        var version = await journal.GetVersionAsync(StreamId, ct);
        return (version == 0 ? new CaseResult(CaseResultStatus.NotFound, "No such agency.") : null, version);
    }
}

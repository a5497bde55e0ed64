using Hub.Contracts;
using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Silo.Cases;
using Hub.Silo.Journal;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Hub.Silo.Audit;

/// <summary>
/// Serves a case stream's audit trail. Stateless: the journal and checkpoint service hold everything, and the case
/// grain alone decides who takes part (and appends the export event, being the stream's only writer).
/// </summary>
[StatelessWorker]
public sealed partial class CaseAuditGrain(ICheckpointService checkpoints, IJournalStore journal, TimeProvider clock, ILogger<CaseAuditGrain> logger)
    : Grain, ICaseAuditGrain
{
    /// <summary>Most entries one page returns.</summary>
    public const int MaxPage = StreamAuditor.MaxPage;

    private readonly StreamAuditor _auditor = new(checkpoints, journal);

    private string StreamId => CaseEvents.StreamId(this.GetPrimaryKey());

    private ICaseGrain Case => GrainFactory.GetGrain<ICaseGrain>(this.GetPrimaryKey());

    public async Task<AuditCheckpoint?> GetCheckpointAsync(Caller caller, CancellationToken ct) =>
        await Case.CanAuditAsync(caller, ct) ? await _auditor.GetCheckpointAsync(StreamId, ct) : null;

    public async Task<AuditEntryPage?> GetEntriesAsync(Caller caller, long afterVersion, int limit, CancellationToken ct) =>
        await Case.CanAuditAsync(caller, ct) ? await _auditor.GetEntriesAsync(StreamId, afterVersion, limit, ct) : null;

    public async Task<(CaseResult Result, AuditProof? Proof)> GetInclusionProofAsync(Caller caller, long version, long treeSize, CancellationToken ct) =>
        await Case.CanAuditAsync(caller, ct) ? await _auditor.GetInclusionProofAsync(StreamId, version, treeSize, ct) : (CaseResult.NotFound, null);

    public async Task<(CaseResult Result, AuditProof? Proof)> GetConsistencyProofAsync(Caller caller, long fromSize, long toSize, CancellationToken ct) =>
        await Case.CanAuditAsync(caller, ct) ? await _auditor.GetConsistencyProofAsync(StreamId, fromSize, toSize, ct) : (CaseResult.NotFound, null);

    public async Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> AddCosignatureAsync(Caller caller, string cosignedNote, CancellationToken ct) =>
        await Case.CanAuditAsync(caller, ct) ? await _auditor.AddCosignatureAsync(StreamId, cosignedNote, ct) : (CaseResult.NotFound, null);

    public async Task<(CaseResult Result, byte[]? Bundle)> ExportAsync(Caller caller, CancellationToken ct)
    {
        // The export event first, so the bundle (and its checkpoint) covers the act of exporting it.
        var recorded = await Case.RecordAuditExportAsync(caller, ct);
        if (recorded.Status != CaseResultStatus.Done)
        {
            return (recorded, null);
        }

        var earlier = await checkpoints.GetCheckpointAsync(StreamId, ct);
        var bundle = await new EvidenceBundleBuilder(checkpoints, journal).BuildAsync(StreamId, earlier, clock.GetUtcNow(), ct);
        LogExported(StreamId, caller.AgencyId, bundle.Entries.Count);
        return (recorded, Hub.Transparency.Evidence.EvidenceBundleJson.Serialize(bundle));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence bundle of {StreamId} exported by {AgencyId}: {Entries} entries")]
    private partial void LogExported(string streamId, string agencyId, int entries);
}

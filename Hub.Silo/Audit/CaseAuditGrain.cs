using Hub.Contracts;
using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Silo.Cases;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Entries;
using Hub.Transparency.Merkle;
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
    public const int MaxPage = 1000;

    private string StreamId => CaseEvents.StreamId(this.GetPrimaryKey());

    private ICaseGrain Case => GrainFactory.GetGrain<ICaseGrain>(this.GetPrimaryKey());

    public async Task<AuditCheckpoint?> GetCheckpointAsync(Caller caller, CancellationToken ct) =>
        await Case.CanAuditAsync(caller, ct) ? ToContract(await checkpoints.SignCheckpointAsync(StreamId, ct)) : null;

    public async Task<AuditEntryPage?> GetEntriesAsync(Caller caller, long afterVersion, int limit, CancellationToken ct)
    {
        if (!await Case.CanAuditAsync(caller, ct))
        {
            return null;
        }

        var version = await journal.GetVersionAsync(StreamId, ct);
        var entries = new List<AuditEntry>();
        await foreach (var entry in journal.ReadAsync(StreamId, Math.Clamp(afterVersion, 0, version), ct))
        {
            if (entries.Count == Math.Clamp(limit, 1, MaxPage))
            {
                break;
            }

            entries.Add(new AuditEntry(entry.Version, entry.Type, entry.RecordedAt, LogEntryEncoding.Encode(JournalLeaf.ToLogEntry(entry))));
        }

        return new AuditEntryPage(version, entries);
    }

    public async Task<(CaseResult Result, AuditProof? Proof)> GetInclusionProofAsync(Caller caller, long version, long treeSize, CancellationToken ct)
    {
        if (!await Case.CanAuditAsync(caller, ct))
        {
            return (CaseResult.NotFound, null);
        }

        if (version < 1 || version > treeSize || treeSize > await journal.GetVersionAsync(StreamId, ct))
        {
            return (CaseResult.Invalid("Ask for a version in [1, treeSize] and a tree size no larger than the stream."), null);
        }

        var proof = await checkpoints.GetInclusionProofAsync(StreamId, version, treeSize, ct);
        return (new CaseResult(CaseResultStatus.Done, Version: treeSize), new AuditProof(version, treeSize, Split(proof)));
    }

    public async Task<(CaseResult Result, AuditProof? Proof)> GetConsistencyProofAsync(Caller caller, long fromSize, long toSize, CancellationToken ct)
    {
        if (!await Case.CanAuditAsync(caller, ct))
        {
            return (CaseResult.NotFound, null);
        }

        if (fromSize < 1 || fromSize > toSize || toSize > await journal.GetVersionAsync(StreamId, ct))
        {
            return (CaseResult.Invalid("Ask for 1 <= from <= to, with to no larger than the stream."), null);
        }

        var proof = await checkpoints.GetConsistencyProofAsync(StreamId, fromSize, toSize, ct);
        return (new CaseResult(CaseResultStatus.Done, Version: toSize), new AuditProof(fromSize, toSize, Split(proof)));
    }

    public async Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> AddCosignatureAsync(Caller caller, string cosignedNote, CancellationToken ct)
    {
        if (!await Case.CanAuditAsync(caller, ct))
        {
            return (CaseResult.NotFound, null);
        }

        var added = await checkpoints.AddCosignatureAsync(StreamId, cosignedNote ?? string.Empty, ct);
        return added.Outcome switch
        {
            CosignatureOutcome.Added => (new CaseResult(CaseResultStatus.Done, Version: added.Checkpoint!.TreeSize), ToContract(added.Checkpoint)),
            CosignatureOutcome.UnknownCheckpoint => (CaseResult.Conflict("The hub never signed a checkpoint of this case with that size and root."), null),
            CosignatureOutcome.Untrusted => (CaseResult.Forbidden("No cosignature of a witness key the hub trusts verifies; see the README section 'Audit and evidence' to register one."), null),
            _ => (CaseResult.Invalid("Post the hub's signed checkpoint of this case with your cosignature line added."), null),
        };
    }

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

    private static AuditCheckpoint ToContract(SignedCheckpoint signed) =>
        new(signed.Origin, signed.TreeSize, signed.RootHash.ToArray(), signed.SignedNote);

    private static byte[][] Split(byte[] proof) => [.. proof.Chunk(MerkleHash.Size)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence bundle of {StreamId} exported by {AgencyId}: {Entries} entries")]
    private partial void LogExported(string streamId, string agencyId, int entries);
}

using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Entries;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Audit;

/// <summary>
/// The audit answers every journal stream gives alike (checkpoint, entries, proofs, cosignatures), once access has been
/// decided. The audit grains of cases and agencies decide who may ask; this class only checks the arguments.
/// </summary>
public sealed class StreamAuditor(ICheckpointService checkpoints, IJournalStore journal)
{
    /// <summary>Most entries one page returns.</summary>
    public const int MaxPage = 1000;

    /// <summary>The latest signed checkpoint, signed on demand when the stream grew since the last one.</summary>
    public async Task<AuditCheckpoint> GetCheckpointAsync(string streamId, CancellationToken ct) =>
        ToContract(await checkpoints.SignCheckpointAsync(streamId, ct));

    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="afterVersion"/>, canonically encoded, read fail-closed.</summary>
    public async Task<AuditEntryPage> GetEntriesAsync(string streamId, long afterVersion, int limit, CancellationToken ct) =>
        await GetEntriesAsync(streamId, await journal.GetVersionAsync(streamId, ct), afterVersion, limit, ct);

    /// <summary>
    /// As <see cref="GetEntriesAsync(string, long, int, CancellationToken)"/>, with the stream's version the caller read
    /// already (for its own checks) instead of reading it again.
    /// </summary>
    public async Task<AuditEntryPage> GetEntriesAsync(string streamId, long version, long afterVersion, int limit, CancellationToken ct)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in journal.ReadAsync(streamId, Math.Clamp(afterVersion, 0, version), ct))
        {
            if (entries.Count == Math.Clamp(limit, 1, MaxPage))
            {
                break;
            }

            entries.Add(new AuditEntry(entry.Version, entry.Type, entry.RecordedAt, LogEntryEncoding.Encode(JournalLeaf.ToLogEntry(entry))));
        }

        return new AuditEntryPage(version, entries);
    }

    /// <summary>Inclusion proof of the entry at <paramref name="version"/> in the tree of <paramref name="treeSize"/> entries.</summary>
    public async Task<(CaseResult Result, AuditProof? Proof)> GetInclusionProofAsync(string streamId, long version, long treeSize, CancellationToken ct) =>
        await GetInclusionProofAsync(streamId, await journal.GetVersionAsync(streamId, ct), version, treeSize, ct);

    /// <summary>As the overload without <paramref name="streamVersion"/>, with the stream's version the caller read already.</summary>
    public async Task<(CaseResult Result, AuditProof? Proof)> GetInclusionProofAsync(string streamId, long streamVersion, long version, long treeSize, CancellationToken ct)
    {
        if (version < 1 || version > treeSize || treeSize > streamVersion)
        {
            return (CaseResult.Invalid("Ask for a version in [1, treeSize] and a tree size no larger than the stream."), null);
        }

        var proof = await checkpoints.GetInclusionProofAsync(streamId, version, treeSize, ct);
        return (new CaseResult(CaseResultStatus.Done, Version: treeSize), new AuditProof(version, treeSize, Split(proof)));
    }

    /// <summary>Consistency proof from tree size <paramref name="fromSize"/> to <paramref name="toSize"/>.</summary>
    public async Task<(CaseResult Result, AuditProof? Proof)> GetConsistencyProofAsync(string streamId, long fromSize, long toSize, CancellationToken ct) =>
        await GetConsistencyProofAsync(streamId, await journal.GetVersionAsync(streamId, ct), fromSize, toSize, ct);

    /// <summary>As the overload without <paramref name="streamVersion"/>, with the stream's version the caller read already.</summary>
    public async Task<(CaseResult Result, AuditProof? Proof)> GetConsistencyProofAsync(string streamId, long streamVersion, long fromSize, long toSize, CancellationToken ct)
    {
        if (fromSize < 1 || fromSize > toSize || toSize > streamVersion)
        {
            return (CaseResult.Invalid("Ask for 1 <= from <= to, with to no larger than the stream."), null);
        }

        var proof = await checkpoints.GetConsistencyProofAsync(streamId, fromSize, toSize, ct);
        return (new CaseResult(CaseResultStatus.Done, Version: toSize), new AuditProof(fromSize, toSize, Split(proof)));
    }

    /// <summary>Stores the trusted witnesses' cosignatures of a checkpoint the hub signed for the stream.</summary>
    public async Task<(CaseResult Result, AuditCheckpoint? Checkpoint)> AddCosignatureAsync(string streamId, string cosignedNote, CancellationToken ct)
    {
        var added = await checkpoints.AddCosignatureAsync(streamId, cosignedNote ?? string.Empty, ct);
        return added.Outcome switch
        {
            CosignatureOutcome.Added => (new CaseResult(CaseResultStatus.Done, Version: added.Checkpoint!.TreeSize), ToContract(added.Checkpoint)),
            CosignatureOutcome.UnknownCheckpoint => (CaseResult.Conflict("The hub never signed a checkpoint of this stream with that size and root."), null),
            CosignatureOutcome.Untrusted => (CaseResult.Forbidden("No cosignature of a witness key the hub trusts verifies; see the README section 'Audit and evidence' to register one."), null),
            _ => (CaseResult.Invalid("Post the hub's signed checkpoint of this stream with your cosignature line added."), null),
        };
    }

    private static AuditCheckpoint ToContract(SignedCheckpoint signed) =>
        new(signed.Origin, signed.TreeSize, signed.RootHash.ToArray(), signed.SignedNote);

    private static byte[][] Split(byte[] proof) => [.. proof.Chunk(MerkleHash.Size)];
}

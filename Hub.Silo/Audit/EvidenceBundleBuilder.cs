using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Entries;
using Hub.Transparency.Evidence;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Audit;

/// <summary>Builds a stream's <see cref="EvidenceBundle"/>: its entries, a fresh checkpoint, an earlier one with proof, and the keys.</summary>
public sealed class EvidenceBundleBuilder(ICheckpointService checkpoints, IJournalStore journal)
{
    /// <param name="streamId">The stream to export.</param>
    /// <param name="earlier">A checkpoint the hub signed before (the one clients may hold), proven consistent with the new one; or null.</param>
    /// <param name="now">The bundle's (unsigned) export time.</param>
    /// <param name="ct">Cancels the reads.</param>
    public async Task<EvidenceBundle> BuildAsync(string streamId, SignedCheckpoint? earlier, DateTimeOffset now, CancellationToken ct)
    {
        var latest = await checkpoints.SignCheckpointAsync(streamId, ct);

        // A full read from version 0: the store recomputes the whole tree before yielding (fail closed).
        var entries = new List<EvidenceEntry>();
        await foreach (var entry in journal.ReadAsync(streamId, 0, ct))
        {
            entries.Add(new EvidenceEntry(entry.Version, entry.Type, entry.RecordedAt, LogEntryEncoding.Encode(JournalLeaf.ToLogEntry(entry))));
        }

        var consistency = new List<EvidenceConsistency>();
        if (earlier is { TreeSize: > 0 } && earlier.TreeSize < latest.TreeSize)
        {
            var proof = await checkpoints.GetConsistencyProofAsync(streamId, earlier.TreeSize, latest.TreeSize, ct);
            consistency.Add(new EvidenceConsistency(earlier.SignedNote, [.. proof.Chunk(MerkleHash.Size)]));
        }

        return new EvidenceBundle(
            EvidenceBundle.FormatV1,
            streamId,
            latest.Origin,
            now,
            [.. checkpoints.PublishedKeys.Select(EvidenceKey.For)],
            [.. checkpoints.WitnessKeys.Select(EvidenceKey.For)],
            latest.SignedNote,
            entries,
            consistency);
    }
}

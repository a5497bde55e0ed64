// hub.evidence-bundle/v1: everything an offline party needs to check a stream's audit trail without
// trusting the hub that produced it (see "Audit and evidence" in README.md):
//
//   format              "hub.evidence-bundle/v1"
//   streamId, origin    the stream and its checkpoint origin (<key name>/<stream id>)
//   exportedAt          when the hub built the bundle (informational, not signed)
//   hubKeys             the hub's log keys (signed-note vkeys) with their fingerprints; current first
//   witnessKeys         the witness cosignature keys the hub trusts, with fingerprints
//   checkpoint          the latest signed checkpoint note, with witness cosignatures
//   entries             every entry of the stream, in order, in its canonical encoding (LogEntryEncoding)
//   earlierCheckpoints  checkpoints the hub signed before, each with the consistency proof to `checkpoint`
//
// The verifier recomputes the Merkle root from the entries, so no inclusion proofs are needed.
namespace Hub.Transparency.Evidence;

/// <summary>A self-contained, offline-verifiable export of one stream's audit trail.</summary>
/// <param name="Format">Always <see cref="FormatV1"/>.</param>
/// <param name="StreamId">The exported stream, e.g. <c>case/5f0c…</c>.</param>
/// <param name="Origin">The stream's checkpoint origin.</param>
/// <param name="ExportedAt">When the hub built the bundle; not covered by any signature.</param>
/// <param name="HubKeys">The hub's log keys: the current one first, then earlier keys still trusted.</param>
/// <param name="WitnessKeys">Witness keys the hub trusts.</param>
/// <param name="Checkpoint">The latest signed checkpoint note.</param>
/// <param name="Entries">All entries, versions 1..n in order.</param>
/// <param name="EarlierCheckpoints">Earlier checkpoints with consistency proofs to <paramref name="Checkpoint"/>.</param>
public sealed record EvidenceBundle(
    string Format,
    string StreamId,
    string Origin,
    DateTimeOffset ExportedAt,
    IReadOnlyList<EvidenceKey> HubKeys,
    IReadOnlyList<EvidenceKey> WitnessKeys,
    string Checkpoint,
    IReadOnlyList<EvidenceEntry> Entries,
    IReadOnlyList<EvidenceConsistency> EarlierCheckpoints)
{
    /// <summary>The format name and version of this layout.</summary>
    public const string FormatV1 = "hub.evidence-bundle/v1";
}

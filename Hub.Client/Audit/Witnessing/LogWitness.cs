// A witness holds the hub to one history per stream. It remembers the last checkpoint it verified, and accepts a new
// one only if the pinned hub key signed it and a consistency proof shows the old tree is a prefix of the new one.
// Because every agency witnesses the streams it relies on (its cases, every agency's key directory), a hub that
// shows one agency a history and another agency a different one is caught as soon as their checkpoints meet:
// through cosignatures the hub must serve with the checkpoint, or through the remembered notes, which are signed
// evidence of the fork.
using Hub.Client.Api;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;

namespace Hub.Client.Audit.Witnessing;

/// <summary>Verifies that a stream's checkpoints only ever extend each other, and optionally cosigns them.</summary>
/// <param name="hub">Where checkpoints and proofs come from (the hub, trusted for nothing).</param>
/// <param name="hubKeys">The hub's log keys, pinned out of band (current and still-trusted earlier keys).</param>
/// <param name="memory">The witness's durable memory of verified checkpoints.</param>
/// <param name="cosigner">The witness's cosignature key, or null to verify without cosigning.</param>
public sealed class LogWitness(IAuditLogSource hub, IReadOnlyList<Ed25519NoteVerifier> hubKeys, IWitnessMemory memory, Ed25519CosignatureSigner? cosigner = null)
{
    private readonly IAuditLogSource _hub = hub ?? throw new ArgumentNullException(nameof(hub));
    private readonly IReadOnlyList<Ed25519NoteVerifier> _hubKeys = hubKeys is { Count: > 0 } ? hubKeys : throw new ArgumentException("Pin at least one hub log key.", nameof(hubKeys));
    private readonly IWitnessMemory _memory = memory ?? throw new ArgumentNullException(nameof(memory));

    /// <summary>
    /// Fetches the stream's checkpoint, verifies it against the pinned keys and the remembered one, remembers it, and
    /// cosigns it when a cosigner is set.
    /// </summary>
    /// <exception cref="WitnessException">The checkpoint is not signed by a pinned key, or it contradicts the remembered one.</exception>
    public async Task<WitnessReport> WitnessAsync(AuditScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var served = await _hub.GetCheckpointAsync(scope, ct);
        var checkpoint = Open(served.Note, scope.StreamId)
            ?? throw new WitnessException(WitnessFailure.BadSignature, $"The checkpoint of {scope.StreamId} is not signed by a pinned hub key for that stream.", null, served.Note);

        var previous = await _memory.RecallAsync(checkpoint.Origin, ct);
        var outcome = await CompareAsync(scope, previous, checkpoint, served.Note, ct);
        var current = new WitnessedCheckpoint(checkpoint.Origin, checkpoint.Size, checkpoint.RootHash.ToArray(), served.Note);
        await _memory.RememberAsync(current, ct);
        return new WitnessReport(outcome, previous, current, cosigner is not null && await CosignAsync(scope, served.Note, ct));
    }

    private async Task<WitnessOutcome> CompareAsync(AuditScope scope, WitnessedCheckpoint? previous, Checkpoint checkpoint, string note, CancellationToken ct)
    {
        if (previous is null)
        {
            return WitnessOutcome.FirstSeen;
        }

        if (checkpoint.Size < previous.TreeSize)
        {
            throw new WitnessException(
                WitnessFailure.Rollback, $"{checkpoint.Origin}: the hub signed {previous.TreeSize} entries before and now {checkpoint.Size}.", previous, note);
        }

        if (checkpoint.Size == previous.TreeSize)
        {
            return checkpoint.RootHash.Span.SequenceEqual(previous.RootHash)
                ? WitnessOutcome.Unchanged
                : throw new WitnessException(WitnessFailure.Fork, $"{checkpoint.Origin}: two different roots signed for {checkpoint.Size} entries.", previous, note);
        }

        var proof = previous.TreeSize == 0 ? [] : (await _hub.GetConsistencyProofAsync(scope, previous.TreeSize, checkpoint.Size, ct)).Hashes.SelectMany(h => h).ToArray();
        return MerkleProofVerifier.VerifyConsistency(previous.TreeSize, checkpoint.Size, previous.RootHash, checkpoint.RootHash.Span, proof)
            ? WitnessOutcome.Extended
            : throw new WitnessException(
                WitnessFailure.Fork, $"{checkpoint.Origin}: the tree of {checkpoint.Size} entries does not extend the one of {previous.TreeSize} seen before.", previous, note);
    }

    private async Task<bool> CosignAsync(AuditScope scope, string note, CancellationToken ct)
    {
        if (!SignedNote.TryParse(note, out var signed))
        {
            return false;
        }

        if (signed.TryVerify([cosigner!.Verifier], out var already) && already.Count > 0)
        {
            return true; // cosigned in an earlier round and served back with it: nothing to add
        }

        // Cosigning only what was verified above: the note the hub served, with the witness's line added (replacing
        // any line under the witness's key name and id that does not verify).
        var others = signed.Signatures.Where(s => s.KeyName != cosigner.Name || s.KeyId != cosigner.KeyId);
        var stored = await _hub.AddCosignatureAsync(scope, new SignedNote(signed.Text, others).AddSignature(cosigner).Format(), ct);
        return SignedNote.TryParse(stored.Note, out var storedNote)
            && storedNote.Text == signed.Text
            && storedNote.TryVerify([cosigner.Verifier], out var verified) && verified.Count > 0;
    }

    private Checkpoint? Open(string note, string streamId)
    {
        foreach (var key in _hubKeys)
        {
            if (Checkpoint.TryOpen(note, $"{key.Name}/{streamId}", key, out var checkpoint))
            {
                return checkpoint;
            }
        }

        return null;
    }
}

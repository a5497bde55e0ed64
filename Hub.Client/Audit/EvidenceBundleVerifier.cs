// Offline verification of a hub.evidence-bundle/v1 (Hub.Transparency/Evidence/EvidenceBundle.cs): no network, no
// trust in the hub. The entries are decoded strictly, their Merkle root (RFC 9162) is recomputed and compared with
// the signed checkpoint, and the checkpoint's signature is checked with the bundle's hub key. A bundle carries its
// own keys, so a forger can sign a fork with a key of their own: only a pinned key (or a fingerprint compared out
// of band) tells the hub's key from theirs.
using System.Text;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Entries;
using Hub.Transparency.Evidence;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;

namespace Hub.Client.Audit;

/// <summary>Verifies evidence bundles offline with Hub.Transparency.</summary>
public static class EvidenceBundleVerifier
{
    /// <summary>Verifies a bundle's UTF-8 JSON.</summary>
    /// <param name="bundleJson">The bundle as exported.</param>
    /// <param name="pinnedHubKey">The hub's log key (vkey) obtained out of band, or a fingerprint of it (<c>SHA256:…</c>); null to report the fingerprint only.</param>
    public static EvidenceVerification Verify(ReadOnlySpan<byte> bundleJson, string? pinnedHubKey = null)
    {
        if (!EvidenceBundleJson.TryParse(bundleJson, out var bundle, out var problem))
        {
            return EvidenceVerification.Failed(problem);
        }

        return Verify(bundle!, pinnedHubKey);
    }

    /// <summary>Verifies a parsed bundle.</summary>
    public static EvidenceVerification Verify(EvidenceBundle bundle, string? pinnedHubKey = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!TryReadKeys(bundle, out var hubKeys, out var witnesses, out var keyProblem))
        {
            return EvidenceVerification.Failed(keyProblem);
        }

        var (logKey, checkpoint) = Open(bundle, bundle.Checkpoint, hubKeys);
        if (logKey is null || checkpoint is null)
        {
            return EvidenceVerification.Failed($"checkpoint: the signature does not verify with any hub key in the bundle for origin '{bundle.Origin}'");
        }

        var fingerprint = KeyFingerprint.Of(logKey.VerifierKey);
        var pinned = pinnedHubKey is not null;
        if (pinned && !Matches(logKey, pinnedHubKey!))
        {
            return EvidenceVerification.Failed($"hub key: the checkpoint is signed by {fingerprint}, not by the pinned hub key", fingerprint);
        }

        if (!TryVerifyWitnesses(bundle.Checkpoint, witnesses, out var cosigned, out var witnessProblem))
        {
            return EvidenceVerification.Failed(witnessProblem, fingerprint);
        }

        if (CheckEntries(bundle, out var leaves) is { } entryProblem)
        {
            return EvidenceVerification.Failed(entryProblem, fingerprint);
        }

        if (leaves.Count < checkpoint.Size)
        {
            return EvidenceVerification.Failed($"entries: the bundle has {leaves.Count} entries but the checkpoint covers {checkpoint.Size} (entries missing or tail truncated)", fingerprint);
        }

        var root = RootOf(leaves, checkpoint.Size);
        if (!root.AsSpan().SequenceEqual(checkpoint.RootHash.Span))
        {
            return EvidenceVerification.Failed(
                $"root: entries 1..{checkpoint.Size} hash to {Convert.ToBase64String(root)} but the checkpoint signs {Convert.ToBase64String(checkpoint.RootHash.Span)} (an entry was altered, added or removed)",
                fingerprint);
        }

        for (var i = 0; i < bundle.EarlierCheckpoints.Count; i++)
        {
            if (CheckEarlier(bundle, i, hubKeys, checkpoint, leaves) is { } earlierProblem)
            {
                return EvidenceVerification.Failed(earlierProblem, fingerprint);
            }

            // Cosignatures of earlier checkpoints count too: a witness that saw a prefix vouches for it.
            if (!TryVerifyWitnesses(bundle.EarlierCheckpoints[i].Checkpoint, witnesses, out var earlierCosigned, out witnessProblem))
            {
                return EvidenceVerification.Failed($"earlier checkpoint {i + 1}: {witnessProblem}", fingerprint);
            }

            cosigned.AddRange(earlierCosigned.Except(cosigned, StringComparer.Ordinal));
        }

        return new EvidenceVerification(null, checkpoint.Size, root, fingerprint, pinned, cosigned, leaves.Count - checkpoint.Size, bundle.EarlierCheckpoints.Count);
    }

    private static bool TryReadKeys(
        EvidenceBundle bundle, out List<Ed25519NoteVerifier> hubKeys, out List<Ed25519CosignatureVerifier> witnesses, out string problem)
    {
        hubKeys = [];
        witnesses = [];
        problem = string.Empty;
        for (var i = 0; i < bundle.HubKeys.Count; i++)
        {
            var key = bundle.HubKeys[i];
            if (key is null || !Ed25519NoteVerifier.TryParse(key.VerifierKey, out var verifier) || key.Fingerprint != KeyFingerprint.Of(key.VerifierKey))
            {
                problem = $"hub key {i + 1}: not an Ed25519 note verifier key with its fingerprint";
                return false;
            }

            hubKeys.Add(verifier);
        }

        for (var i = 0; i < bundle.WitnessKeys.Count; i++)
        {
            var key = bundle.WitnessKeys[i];
            if (key is null || !Ed25519CosignatureVerifier.TryParse(key.VerifierKey, out var verifier) || key.Fingerprint != KeyFingerprint.Of(key.VerifierKey))
            {
                problem = $"witness key {i + 1}: not a cosignature verifier key with its fingerprint";
                return false;
            }

            witnesses.Add(verifier);
        }

        if (hubKeys.Count == 0)
        {
            problem = "hub key: the bundle names no hub key";
            return false;
        }

        return true;
    }

    /// <summary>The hub key that signed the note for the bundle's origin, which must be that key's name and the stream.</summary>
    private static (Ed25519NoteVerifier? Key, Checkpoint? Checkpoint) Open(EvidenceBundle bundle, string note, List<Ed25519NoteVerifier> hubKeys)
    {
        foreach (var key in hubKeys)
        {
            if (string.Equals(bundle.Origin, $"{key.Name}/{bundle.StreamId}", StringComparison.Ordinal)
                && Checkpoint.TryOpen(note, bundle.Origin, key, out var checkpoint))
            {
                return (key, checkpoint);
            }
        }

        return (null, null);
    }

    private static bool Matches(Ed25519NoteVerifier key, string pinned)
    {
        var fingerprint = KeyFingerprint.Of(key.VerifierKey);
        var pin = pinned.Trim();
        return string.Equals(pin, key.VerifierKey, StringComparison.Ordinal)
            || string.Equals(pin, fingerprint, StringComparison.OrdinalIgnoreCase)
            || string.Equals(KeyFingerprint.Prefix + pin, fingerprint, StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryVerifyWitnesses(string note, List<Ed25519CosignatureVerifier> witnesses, out List<string> cosigned, out string problem)
    {
        cosigned = [];
        problem = string.Empty;
        if (!SignedNote.TryParse(note, out var parsed))
        {
            problem = "checkpoint: not a canonical signed note";
            return false;
        }

        var text = Encoding.UTF8.GetBytes(parsed.Text);
        foreach (var line in parsed.Signatures)
        {
            var witness = witnesses.Find(w => w.Name == line.KeyName && w.KeyId == line.KeyId);
            if (witness is null)
            {
                continue;
            }

            if (!witness.Verify(text, line.Signature.Span))
            {
                problem = $"witness '{witness.Name}': its cosignature of the checkpoint does not verify";
                return false;
            }

            cosigned.Add(witness.Name);
        }

        return true;
    }

    /// <summary>Decodes every entry strictly; versions run 1..n in order and the listed fields agree with the encoding.</summary>
    private static string? CheckEntries(EvidenceBundle bundle, out List<byte[]> leaves)
    {
        leaves = new List<byte[]>(bundle.Entries.Count);
        for (var i = 0; i < bundle.Entries.Count; i++)
        {
            var position = i + 1;
            var entry = bundle.Entries[i];
            if (entry?.Encoded is null || !LogEntryEncoding.TryDecode(entry.Encoded, out var decoded))
            {
                return $"entry {position}: not a canonical log entry encoding";
            }

            if (!string.Equals(decoded.StreamId, bundle.StreamId, StringComparison.Ordinal))
            {
                return $"entry {position}: belongs to stream '{decoded.StreamId}', not '{bundle.StreamId}'";
            }

            if (decoded.Version != i || entry.Version != position)
            {
                return $"entry {position}: encodes version {decoded.Version + 1} (listed as {entry.Version}) at position {position}: entries are missing, duplicated or out of order";
            }

            if (!string.Equals(entry.Type, decoded.Type, StringComparison.Ordinal) || entry.RecordedAt.ToUnixTimeMilliseconds() != decoded.RecordedAtUnixMs)
            {
                return $"entry {position}: the listed type or time differs from the encoded entry";
            }

            leaves.Add(MerkleHash.HashLeaf(entry.Encoded));
        }

        return null;
    }

    private static string? CheckEarlier(EvidenceBundle bundle, int index, List<Ed25519NoteVerifier> hubKeys, Checkpoint latest, List<byte[]> leaves)
    {
        var earlier = bundle.EarlierCheckpoints[index];
        var label = $"earlier checkpoint {index + 1}";
        var (_, opened) = earlier?.Checkpoint is null ? (null, null) : Open(bundle, earlier.Checkpoint, hubKeys);
        if (opened is null || earlier?.Proof is null)
        {
            return $"{label}: the signature does not verify with any hub key in the bundle";
        }

        if (opened.Size > latest.Size || earlier.Proof.Any(h => h is not { Length: MerkleHash.Size }))
        {
            return $"{label}: size {opened.Size} or its proof hashes are malformed";
        }

        var proof = earlier.Proof.SelectMany(h => h).ToArray();
        if (!MerkleProofVerifier.VerifyConsistency(opened.Size, latest.Size, opened.RootHash.Span, latest.RootHash.Span, proof))
        {
            return $"{label}: the consistency proof from size {opened.Size} to {latest.Size} does not verify (a fork or rewritten history)";
        }

        // The proof convinces a client holding only that checkpoint; with every entry at hand, recompute it too.
        return RootOf(leaves, opened.Size).AsSpan().SequenceEqual(opened.RootHash.Span)
            ? null
            : $"{label}: entries 1..{opened.Size} do not hash to its root";
    }

    private static byte[] RootOf(List<byte[]> leaves, long size)
    {
        var accumulator = new MerkleAccumulator();
        for (var i = 0; i < size; i++)
        {
            accumulator.Append(leaves[i]);
        }

        return accumulator.GetRoot();
    }
}

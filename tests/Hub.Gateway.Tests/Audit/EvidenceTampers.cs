using Hub.Transparency.Checkpoints;
using Hub.Transparency.Entries;
using Hub.Transparency.Evidence;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Gateway.Tests.Audit;

/// <summary>Edits an exported bundle the way an attacker holding it (or the hub's database) would.</summary>
internal static class EvidenceTampers
{
    public static EvidenceBundle Apply(string tamper, EvidenceBundle bundle) => tamper switch
    {
        "edit-payload" => WithEntries(bundle, bundle.Entries.Select((e, i) => i == 1 ? e with { Encoded = FlipLast(e.Encoded) } : e)),
        "reorder" => WithEntries(bundle, [bundle.Entries[0], bundle.Entries[2], bundle.Entries[1], .. bundle.Entries.Skip(3)]),
        "delete" => WithEntries(bundle, bundle.Entries.Where((_, i) => i != 1)),
        "truncate" => WithEntries(bundle, bundle.Entries.SkipLast(2)),
        "flip-signature" => bundle with { Checkpoint = FlipSignature(bundle.Checkpoint, 0) },
        "flip-witness-cosignature" => bundle with { EarlierCheckpoints = [.. bundle.EarlierCheckpoints.Select(c => c with { Checkpoint = FlipSignature(c.Checkpoint, 1) })] },
        "bad-consistency-proof" => bundle with { EarlierCheckpoints = [.. bundle.EarlierCheckpoints.Select(c => c with { Proof = [.. c.Proof.Select(FlipLast)] })] },
        "fork" => Fork(bundle),
        _ => throw new ArgumentOutOfRangeException(nameof(tamper), tamper, "No such tamper."),
    };

    /// <summary>
    /// A different, internally valid stream: every payload altered, the root recomputed, and the checkpoint re-signed by the
    /// forger's own key under the hub's key name, with that key put in the bundle. Only a pinned hub key catches it.
    /// </summary>
    public static EvidenceBundle Fork(EvidenceBundle bundle)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new Ed25519NoteSigner(bundle.Origin[..^(bundle.StreamId.Length + 1)], key);
        var accumulator = new MerkleAccumulator();
        var entries = new List<EvidenceEntry>();
        foreach (var entry in bundle.Entries)
        {
            Assert.True(LogEntryEncoding.TryDecode(entry.Encoded, out var decoded));
            var encoded = LogEntryEncoding.Encode(decoded.StreamId, decoded.Version, decoded.Type, decoded.RecordedAtUnixMs, FlipLast(decoded.Payload.ToArray()));
            accumulator.Append(MerkleHash.HashLeaf(encoded));
            entries.Add(entry with { Encoded = encoded });
        }

        var note = new Checkpoint(bundle.Origin, accumulator.Size, accumulator.GetRoot()).Sign(signer).Format();
        return bundle with { HubKeys = [EvidenceKey.For(signer.Verifier.VerifierKey)], WitnessKeys = [], Checkpoint = note, Entries = entries, EarlierCheckpoints = [] };
    }

    private static EvidenceBundle WithEntries(EvidenceBundle bundle, IEnumerable<EvidenceEntry> entries) => bundle with { Entries = [.. entries] };

    private static byte[] FlipLast(byte[] bytes)
    {
        var copy = bytes.ToArray();
        copy[^1] ^= 0x01;
        return copy;
    }

    /// <summary>Flips one byte of the signature on line <paramref name="line"/> (0: the hub's; 1: the first witness's).</summary>
    private static string FlipSignature(string signedNote, int line)
    {
        Assert.True(SignedNote.TryParse(signedNote, out var note));
        var signatures = note.Signatures.ToList();
        var target = signatures[line];
        var flipped = target.Signature.ToArray();
        flipped[^1] ^= 0x01;
        signatures[line] = new NoteSignature(target.KeyName, target.KeyId, flipped);
        return new SignedNote(note.Text, signatures).Format();
    }
}

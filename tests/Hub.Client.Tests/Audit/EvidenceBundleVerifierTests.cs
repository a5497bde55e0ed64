using System.Security.Cryptography;
using System.Text;
using Hub.Client.Audit;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Entries;
using Hub.Transparency.Evidence;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Client.Tests.Audit;

/// <summary>
/// The offline verifier against bundles built here, with the expected root computed independently by a naive
/// recursive RFC 9162 MTH (no accumulator, no proof code shared with the verifier).
/// </summary>
public sealed class EvidenceBundleVerifierTests : IDisposable
{
    private const string KeyName = "hub.example/test-cluster";
    private const string StreamId = "case/0123456789abcdef0123456789abcdef";

    private readonly Key _hubKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _witnessKey = Key.Create(SignatureAlgorithm.Ed25519);

    private Ed25519NoteSigner Hub => new(KeyName, _hubKey);

    private Ed25519CosignatureSigner Witness => new("witness.test", _witnessKey, TimeProvider.System);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(13)]
    public void TheRootIsTheIndependentlyComputedMerkleTreeHash(int count)
    {
        var entries = Entries(count);
        var expected = NaiveMth([.. entries.Select(e => e.Encoded)]);

        var result = EvidenceBundleVerifier.Verify(Bundle(entries, count), Hub.Verifier.VerifierKey);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(count, result.TreeSize);
        Assert.Equal(expected, result.RootHash);
        Assert.Equal($"OK {count} {Convert.ToBase64String(expected)}", result.Summary);
    }

    [Fact]
    public void EntriesAfterTheCheckpointAreReportedAsNotYetCheckpointed()
    {
        var entries = Entries(5);

        var result = EvidenceBundleVerifier.Verify(Bundle(entries, 3));

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(3, result.TreeSize);
        Assert.Equal(2, result.NotYetCheckpointed);
        Assert.Equal(NaiveMth([.. entries.Take(3).Select(e => e.Encoded)]), result.RootHash);
    }

    [Fact]
    public void AWitnessCosignatureVerifiesAndAForgedOneIsNamed()
    {
        var bundle = Bundle(Entries(4), 4);
        Assert.True(SignedNote.TryParse(bundle.Checkpoint, out var note));
        var cosigned = note.AddSignature(Witness);
        var line = cosigned.Signatures[^1];
        var flipped = line.Signature.ToArray();
        flipped[^1] ^= 0x01;
        var forged = new SignedNote(cosigned.Text, [.. cosigned.Signatures.SkipLast(1), new NoteSignature(line.KeyName, line.KeyId, flipped)]);
        var witnessed = bundle with { WitnessKeys = [EvidenceKey.For(Witness.Verifier.VerifierKey)] };

        var good = EvidenceBundleVerifier.Verify(witnessed with { Checkpoint = cosigned.Format() });
        var bad = EvidenceBundleVerifier.Verify(witnessed with { Checkpoint = forged.Format() });

        Assert.True(good.IsValid, good.Failure);
        Assert.Equal(["witness.test"], good.Witnesses);
        Assert.Equal("witness 'witness.test': its cosignature of the checkpoint does not verify", bad.Failure);
    }

    [Fact]
    public void AnUnknownMemberOrAnotherFormatIsRefusedBeforeAnyCheck()
    {
        var json = Encoding.UTF8.GetString(EvidenceBundleJson.Serialize(Bundle(Entries(2), 2)));

        var extra = EvidenceBundleVerifier.Verify(Encoding.UTF8.GetBytes(json.Replace("\"streamId\"", "\"note\": \"trust me\",\n  \"streamId\"", StringComparison.Ordinal)));
        var v2 = EvidenceBundleVerifier.Verify(Encoding.UTF8.GetBytes(json.Replace(EvidenceBundle.FormatV1, "hub.evidence-bundle/v2", StringComparison.Ordinal)));
        var missing = EvidenceBundleVerifier.Verify("""{"format":"hub.evidence-bundle/v1"}"""u8);

        Assert.Contains("not well-formed JSON", extra.Failure, StringComparison.Ordinal);
        Assert.Contains("format is not", v2.Failure, StringComparison.Ordinal);
        Assert.False(missing.IsValid);
    }

    [Fact]
    public void AnEntryOfAnotherStreamIsNamed()
    {
        var entries = Entries(3).ToList();
        var foreign = LogEntryEncoding.Encode("case/ffffffffffffffffffffffffffffffff", 1, "case.opened.v1", 1_700_000_000_000, "{}"u8);
        entries[1] = entries[1] with { Encoded = foreign };

        var result = EvidenceBundleVerifier.Verify(Bundle(entries, 3));

        Assert.Equal("entry 2: belongs to stream 'case/ffffffffffffffffffffffffffffffff', not '" + StreamId + "'", result.Failure);
    }

    public void Dispose()
    {
        _hubKey.Dispose();
        _witnessKey.Dispose();
    }

    private static List<EvidenceEntry> Entries(int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + (i * 1000));
            var type = i == 0 ? "case.opened.v1" : "case.envelope-fetched.v1";
            return new EvidenceEntry(i + 1, type, at, LogEntryEncoding.Encode(StreamId, i, type, at.ToUnixTimeMilliseconds(), Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")));
        })];

    private EvidenceBundle Bundle(IReadOnlyList<EvidenceEntry> entries, int checkpointSize)
    {
        var origin = $"{KeyName}/{StreamId}";
        var root = NaiveMth([.. entries.Take(checkpointSize).Select(e => e.Encoded)]);
        var note = new Checkpoint(origin, checkpointSize, root).Sign(Hub).Format();
        return new EvidenceBundle(EvidenceBundle.FormatV1, StreamId, origin, DateTimeOffset.UnixEpoch, [EvidenceKey.For(Hub.Verifier.VerifierKey)], [], note, entries, []);
    }

    /// <summary>RFC 9162 §2.1.1, written out: MTH({}) = SHA-256(), MTH({d}) = SHA-256(0x00 || d), else split at the largest power of two below n.</summary>
    private static byte[] NaiveMth(byte[][] leaves)
    {
        if (leaves.Length == 0)
        {
            return SHA256.HashData([]);
        }

        if (leaves.Length == 1)
        {
            return SHA256.HashData([0x00, .. leaves[0]]);
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. NaiveMth(leaves[..k]), .. NaiveMth(leaves[k..])]);
    }
}

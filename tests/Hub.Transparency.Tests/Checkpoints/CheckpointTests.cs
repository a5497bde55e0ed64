using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Transparency.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private const string Origin = "hub.example/log/case/0b6f4c1e";
    private readonly Key _hubKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _witnessKeyA = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _witnessKeyB = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Ed25519NoteSigner _hub;
    private readonly Ed25519CosignatureSigner _witnessA;
    private readonly Ed25519CosignatureSigner _witnessB;
    private readonly Checkpoint _checkpoint = new(Origin, 20852163, Convert.FromBase64String("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));

    public CheckpointTests()
    {
        var time = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1679315147));
        _hub = new Ed25519NoteSigner("hub.example/log", _hubKey);
        _witnessA = new Ed25519CosignatureSigner("police.example/witness", _witnessKeyA, time);
        _witnessB = new Ed25519CosignatureSigner("hotline.example/witness", _witnessKeyB, time);
    }

    public void Dispose()
    {
        _hubKey.Dispose();
        _witnessKeyA.Dispose();
        _witnessKeyB.Dispose();
    }

    [Fact]
    public void NoteTextHasTheC2spShape()
    {
        Assert.Equal(Origin + "\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", _checkpoint.ToNoteText());
        var withExtension = new Checkpoint(Origin, 0, MerkleHash.EmptyTreeRoot, ["ext one"]);
        Assert.Equal(Origin + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\n", withExtension.ToNoteText());
        Assert.True(Checkpoint.TryParse(withExtension.ToNoteText(), out var parsed));
        Assert.Equal(["ext one"], parsed.Extensions);
    }

    public static TheoryData<string, string> NonCanonicalBodies() => new()
    {
        { "leading zero in size", Origin + "\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" },
        { "signed size", Origin + "\n+20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" },
        { "negative size", Origin + "\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" },
        { "size beyond long", Origin + "\n9223372036854775808\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" },
        { "size with spaces", Origin + "\n 20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" },
        { "short root", Origin + "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n" },
        { "root without padding", Origin + "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n" },
        { "root with non-zero pad bits", Origin + "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n" },
        { "hex root", Origin + "\n5\n0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62\n" },
        { "empty origin", "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" },
        { "empty extension line", Origin + "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n" },
        { "missing root", Origin + "\n5\n" },
        { "no final newline", Origin + "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=" },
        { "carriage return", Origin + "\r\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" },
    };

    [Theory]
    [MemberData(nameof(NonCanonicalBodies))]
    public void NonCanonicalCheckpointTextDoesNotParse(string attack, string text) =>
        Assert.False(Checkpoint.TryParse(text, out _), attack);

    [Fact]
    public void SignedCheckpointRoundTrips()
    {
        var note = _checkpoint.Sign(_hub).Format();
        Assert.True(Checkpoint.TryOpen(note, Origin, _hub.Verifier, out var opened));
        Assert.Equal(_checkpoint.ToNoteText(), opened.ToNoteText());
        Assert.Equal(20852163, opened.Size);
        Assert.Equal(_checkpoint.RootHash.ToArray(), opened.RootHash.ToArray());
    }

    [Fact]
    public void CheckpointSignedByAnotherKeyOrForAnotherLogIsRejected()
    {
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var impostor = new Ed25519NoteSigner("hub.example/log", otherKey);
        Assert.False(Checkpoint.TryOpen(_checkpoint.Sign(impostor).Format(), Origin, _hub.Verifier, out _));
        Assert.False(Checkpoint.TryOpen(_checkpoint.Sign(_hub).Format(), "hub.example/log/case/other", _hub.Verifier, out _));
        // Witness-only notes carry no log signature.
        Assert.False(Checkpoint.TryOpen(_checkpoint.Sign(_witnessA).Format(), Origin, _hub.Verifier, [_witnessA.Verifier], 1, out _));
    }

    [Fact]
    public void ModifiedCheckpointBodyIsRejected()
    {
        var note = _checkpoint.Sign(_hub).Format();
        Assert.False(Checkpoint.TryOpen(note.Replace("\n20852163\n", "\n20852164\n", StringComparison.Ordinal), Origin, _hub.Verifier, out _));
        Assert.False(Checkpoint.TryOpen(note.Replace("CsUY", "CsUZ", StringComparison.Ordinal), Origin, _hub.Verifier, out _));
        Assert.False(Checkpoint.TryOpen(note.Replace(Origin + "\n", Origin + "\nextra\n", StringComparison.Ordinal), Origin, _hub.Verifier, out _));
    }

    [Fact]
    public void SignedNoteThatIsNotACheckpointIsRejected()
    {
        var note = SignedNote.Sign(Origin + "\nnot a size\n", _hub).Format();
        Assert.False(Checkpoint.TryOpen(note, Origin, _hub.Verifier, out _));
    }

    [Fact]
    public void WitnessQuorumCountsDistinctValidCosignatures()
    {
        var signed = _checkpoint.Sign(_hub);
        var withA = signed.AddSignature(_witnessA);
        var withBoth = withA.AddSignature(_witnessB);
        IReadOnlyCollection<NoteVerifier> witnesses = [_witnessA.Verifier, _witnessB.Verifier];

        Assert.False(Checkpoint.TryOpen(signed.Format(), Origin, _hub.Verifier, witnesses, 1, out _));
        Assert.True(Checkpoint.TryOpen(withA.Format(), Origin, _hub.Verifier, witnesses, 1, out _));
        Assert.False(Checkpoint.TryOpen(withA.Format(), Origin, _hub.Verifier, witnesses, 2, out _));
        Assert.True(Checkpoint.TryOpen(withBoth.Format(), Origin, _hub.Verifier, witnesses, 2, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Checkpoint.TryOpen(withBoth.Format(), Origin, _hub.Verifier, witnesses, 3, out _));
    }

    [Fact]
    public void CosignatureHasTheV1ShapeAndTimestamp()
    {
        var cosigned = _checkpoint.Sign(_hub).AddSignature(_witnessA);
        var cosignature = cosigned.Signatures[1];
        Assert.Equal(72, cosignature.Signature.Length);
        Assert.Equal(NoteKeyId.Compute("police.example/witness", 0x04, _witnessKeyA.PublicKey.Export(KeyBlobFormat.RawPublicKey)), cosignature.KeyId);
        Assert.True(Ed25519CosignatureVerifier.TryReadTimestamp(cosignature.Signature.Span, out var at));
        Assert.Equal(1679315147, at.ToUnixTimeSeconds());

        // The Ed25519 signature covers "cosignature/v1\ntime <t>\n" + body, checked here with NSec directly.
        var message = System.Text.Encoding.UTF8.GetBytes("cosignature/v1\ntime 1679315147\n" + _checkpoint.ToNoteText());
        Assert.True(SignatureAlgorithm.Ed25519.Verify(_witnessKeyA.PublicKey, message, cosignature.Signature.Span[8..]));
    }

    [Fact]
    public void TamperedCosignatureRejectsTheNote()
    {
        var cosigned = _checkpoint.Sign(_hub).AddSignature(_witnessA);
        var bytes = cosigned.Signatures[1].Signature.ToArray();
        bytes[7] ^= 1; // move the timestamp by a second: the signed message changes
        var tampered = new SignedNote(cosigned.Text, [cosigned.Signatures[0], new NoteSignature(_witnessA.Name, _witnessA.KeyId, bytes)]);
        Assert.False(Checkpoint.TryOpen(tampered.Format(), Origin, _hub.Verifier, [_witnessA.Verifier], 1, out _));
        Assert.False(tampered.TryVerify([_witnessA.Verifier], out _));
    }

    [Fact]
    public void CosignatureKeyCannotPassAsAPlainNoteKey()
    {
        // Same name and key bytes, but type 0x01 versus 0x04 gives different key IDs: no cross-type confusion.
        var asNoteKey = new Ed25519NoteVerifier(_witnessA.Name, _witnessKeyA.PublicKey);
        Assert.NotEqual(asNoteKey.KeyId, _witnessA.KeyId);
        var cosigned = _checkpoint.Sign(_witnessA);
        Assert.False(cosigned.TryVerify([asNoteKey], out _));
    }

    [Fact]
    public void VerifierKeysRoundTripAndRejectNonCanonicalText()
    {
        var noteKey = _hub.Verifier.VerifierKey;
        var cosignatureKey = _witnessA.Verifier.VerifierKey;
        Assert.True(Ed25519NoteVerifier.TryParse(noteKey, out var parsedNote));
        Assert.Equal(noteKey, parsedNote.VerifierKey);
        Assert.True(Ed25519CosignatureVerifier.TryParse(cosignatureKey, out var parsedCosig));
        Assert.Equal(cosignatureKey, parsedCosig.VerifierKey);

        Assert.False(Ed25519NoteVerifier.TryParse(cosignatureKey, out _));        // type 0x04 is not a note key
        Assert.False(Ed25519CosignatureVerifier.TryParse(noteKey, out _));        // and vice versa
        Assert.False(Ed25519NoteVerifier.TryParse(noteKey.ToUpperInvariant(), out _));
        Assert.False(Ed25519NoteVerifier.TryParse("other.example" + noteKey[noteKey.IndexOf('+', StringComparison.Ordinal)..], out _)); // ID no longer matches
        Assert.False(Ed25519NoteVerifier.TryParse(noteKey + "=", out _));
        Assert.False(Ed25519NoteVerifier.TryParse(noteKey[..^1], out _));
        Assert.False(Ed25519NoteVerifier.TryParse("", out _));
        Assert.False(Ed25519NoteVerifier.TryParse(null, out _));
    }
}

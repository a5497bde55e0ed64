using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Transparency.Tests.Notes;

public sealed class SignedNoteTests
{
    // Known-answer vector from golang.org/x/mod/sumdb/note (package doc and note_test.go): the
    // "PeterNeumann" key pair and the note it signs. Ed25519 is deterministic, so our signer must
    // reproduce the published note byte for byte, and our verifier must accept it.
    private const string PeterSigningKey = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"; // base64(0x01 || seed), from "PRIVATE+KEY+PeterNeumann+c74f20a3+..."
    private const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string PeterText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterNote = PeterText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void SigningTheGoVectorReproducesThePublishedNote()
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(PeterSigningKey).AsSpan(1), KeyBlobFormat.RawPrivateKey);
        var signer = new Ed25519NoteSigner("PeterNeumann", key);

        Assert.Equal(0xc74f20a3u, signer.KeyId);
        Assert.Equal(PeterVerifierKey, signer.Verifier.VerifierKey);
        Assert.Equal(PeterNote, SignedNote.Sign(PeterText, signer).Format());
    }

    [Fact]
    public void ThePublishedGoNoteVerifiesAndItsTamperedTextDoesNot()
    {
        Assert.True(Ed25519NoteVerifier.TryParse(PeterVerifierKey, out var verifier));
        Assert.True(SignedNote.TryParse(PeterNote, out var note));
        Assert.Equal(PeterText, note.Text);
        Assert.True(note.TryVerify([verifier], out var verified));
        Assert.Same(verifier, Assert.Single(verified).Verifier);

        Assert.True(SignedNote.TryParse(PeterNote.Replace("cryptography", "cryptographY", StringComparison.Ordinal), out var tampered));
        Assert.False(tampered.TryVerify([verifier], out _));
    }

    [Fact]
    public void ParseThenFormatIsTheIdentity()
    {
        Assert.True(SignedNote.TryParse(PeterNote, out var note));
        Assert.Equal(PeterNote, note.Format());
        Assert.True(SignedNote.TryParse(System.Text.Encoding.UTF8.GetBytes(PeterNote), out var fromBytes));
        Assert.Equal(PeterNote, fromBytes.Format());
    }

    public static TheoryData<string, string> NonCanonicalNotes()
    {
        const string sig = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";
        const string text = "line one\nline two\n";
        return new TheoryData<string, string>
        {
            { "no final newline", text + "\n\u2014 PeterNeumann " + sig },
            { "no empty line", text + "\u2014 PeterNeumann " + sig + "\n" },
            { "no signature line", text + "\n" },
            { "crlf line ends", text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\u2014 PeterNeumann " + sig + "\r\n" },
            { "hyphen instead of em dash", text + "\n- PeterNeumann " + sig + "\n" },
            { "two spaces before the signature", text + "\n\u2014 PeterNeumann  " + sig + "\n" },
            { "trailing space", text + "\n\u2014 PeterNeumann " + sig + " \n" },
            { "missing key name", text + "\n\u2014  " + sig + "\n" },
            { "plus in key name", text + "\n\u2014 Peter+Neumann " + sig + "\n" },
            { "base64 without padding", text + "\n\u2014 PeterNeumann " + sig.TrimEnd('=') + "\n" },
            { "base64 with non-zero pad bits", text + "\n\u2014 PeterNeumann " + sig[..^2] + "N=\n" },
            { "signature shorter than a key id", text + "\n\u2014 PeterNeumann AAAAAA==\n" },
            { "the same key twice", text + "\n\u2014 PeterNeumann " + sig + "\n\u2014 PeterNeumann " + sig + "\n" },
            { "tab in text", "line\tone\n\n\u2014 PeterNeumann " + sig + "\n" },
            { "nul in text", "line\0one\n\n\u2014 PeterNeumann " + sig + "\n" },
            { "text line after signatures", text + "\n\u2014 PeterNeumann " + sig + "\nmore text\n" },
        };
    }

    [Theory]
    [MemberData(nameof(NonCanonicalNotes))]
    public void NonCanonicalNotesDoNotParse(string attack, string note)
    {
        Assert.False(SignedNote.TryParse(note, out var parsed), attack);
        Assert.Null(parsed);
    }

    [Fact]
    public void NoteWithALoneSurrogateDoesNotParse()
    {
        // Kept out of the theory data: xunit's serialization of theory arguments would replace the surrogate.
        var note = "line \ud800 one\n" + PeterNote[PeterText.Length..];
        Assert.False(SignedNote.TryParse(note, out _));
        Assert.False(SignedNote.TryParse([.. "line "u8, 0xed, 0xa0, 0x80, .. "\n"u8, .. System.Text.Encoding.UTF8.GetBytes(PeterNote[PeterText.Length..])], out _));
    }

    [Fact]
    public void MoreThanTheMaximumNumberOfSignaturesDoesNotParse()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signers = Enumerable.Range(0, SignedNote.MaxSignatures + 1).Select(i => new Ed25519NoteSigner($"k{i}", key)).ToArray();
        var atLimit = SignedNote.Sign("text\n", signers.AsSpan(0, SignedNote.MaxSignatures)).Format();
        Assert.True(SignedNote.TryParse(atLimit, out _));
        var lastLine = SignedNote.Sign("text\n", signers[^1]).Format().Split('\n')[^2];
        Assert.False(SignedNote.TryParse(atLimit + lastLine + "\n", out _));
    }

    [Fact]
    public void MultipleSignaturesVerifyAndUnknownKeysAreIgnored()
    {
        using var hubKey = Key.Create(SignatureAlgorithm.Ed25519);
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        using var strangerKey = Key.Create(SignatureAlgorithm.Ed25519);
        var hub = new Ed25519NoteSigner("hub.example/log", hubKey);
        var other = new Ed25519NoteSigner("agency.example/key", otherKey);
        var stranger = new Ed25519NoteSigner("stranger.example", strangerKey);
        Assert.True(SignedNote.TryParse(SignedNote.Sign("payload\n", hub, other, stranger).Format(), out var note));

        Assert.True(note.TryVerify([hub.Verifier, other.Verifier], out var both));
        Assert.Equal(["hub.example/log", "agency.example/key"], both.Select(v => v.Verifier.Name));
        Assert.True(note.TryVerify([other.Verifier], out var one));
        Assert.Single(one);
        Assert.False(note.TryVerify([new Ed25519NoteSigner("nobody", strangerKey).Verifier], out _));
    }

    [Fact]
    public void ASignatureByAnotherKeyUnderTheSameNameIsNotAccepted()
    {
        using var realKey = Key.Create(SignatureAlgorithm.Ed25519);
        using var forgerKey = Key.Create(SignatureAlgorithm.Ed25519);
        var real = new Ed25519NoteSigner("hub.example/log", realKey);
        var forged = SignedNote.Sign("payload\n", new Ed25519NoteSigner("hub.example/log", forgerKey));

        // Different key ID: the line is from an unknown key, so nothing verifies.
        Assert.False(forged.TryVerify([real.Verifier], out _));

        // Same name and key ID as the real key but a forged signature: the known key fails, the note is rejected.
        var spoofed = new SignedNote("payload\n", [new NoteSignature("hub.example/log", real.KeyId, forged.Signatures[0].Signature.Span)]);
        Assert.False(spoofed.TryVerify([real.Verifier], out _));
    }

    [Fact]
    public void OneFailingKnownSignatureRejectsTheWholeNote()
    {
        using var hubKey = Key.Create(SignatureAlgorithm.Ed25519);
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var hub = new Ed25519NoteSigner("hub.example/log", hubKey);
        var witness = new Ed25519NoteSigner("witness.example", witnessKey);
        var good = SignedNote.Sign("size 5\n", hub);
        var witnessOfOtherText = SignedNote.Sign("size 6\n", witness).Signatures[0];
        var mixed = new SignedNote(good.Text, [good.Signatures[0], witnessOfOtherText]);

        Assert.True(mixed.TryVerify([hub.Verifier], out _));
        Assert.False(mixed.TryVerify([hub.Verifier, witness.Verifier], out _));
    }

    [Fact]
    public void ModifiedSignatureBytesFail()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new Ed25519NoteSigner("hub.example/log", key);
        var note = SignedNote.Sign("origin\n1\n", signer);
        var bytes = note.Signatures[0].Signature.ToArray();
        for (int i = 0; i < bytes.Length; i++)
        {
            var flipped = bytes.ToArray();
            flipped[i] ^= 0x40;
            var tampered = new SignedNote(note.Text, [new NoteSignature(signer.Name, signer.KeyId, flipped)]);
            Assert.False(tampered.TryVerify([signer.Verifier], out _));
        }
        var truncated = new SignedNote(note.Text, [new NoteSignature(signer.Name, signer.KeyId, bytes.AsSpan(0, 63))]);
        Assert.False(truncated.TryVerify([signer.Verifier], out _));
    }

    [Fact]
    public void MisuseThrowsArgumentException()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        using var x25519 = Key.Create(KeyAgreementAlgorithm.X25519);
        var signer = new Ed25519NoteSigner("hub.example/log", key);
        Assert.Throws<ArgumentException>(() => new Ed25519NoteSigner("has space", key));
        Assert.Throws<ArgumentException>(() => new Ed25519NoteSigner("has+plus", key));
        Assert.Throws<ArgumentException>(() => new Ed25519NoteSigner("", key));
        Assert.Throws<ArgumentException>(() => new Ed25519NoteVerifier("hub", x25519.PublicKey));
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("no final newline", signer));
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("text\n"));
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("text\n", signer).TryVerify([signer.Verifier, signer.Verifier], out _));
    }
}

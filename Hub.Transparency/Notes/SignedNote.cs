// SignedNote: the C2SP signed-note text format.
//
//   <text, ending in "\n">            may contain empty lines; UTF-8; no control characters but "\n"
//   "\n"                              the last empty line separates text and signatures
//   "— <key name> <base64>\n" ...     1..64 signature lines: U+2014, space, name, space, base64
//
// Parsing accepts only canonical notes (no "\r", no extra spaces, canonical base64, no repeated
// key); verification follows the spec: lines from unknown keys are ignored, a failing line
// from a known key rejects the whole note, and at least one known key must have signed.
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Hub.Transparency.Notes;

/// <summary>A note text with its signature lines, parsed or formatted canonically.</summary>
public sealed class SignedNote
{
    /// <summary>Most signature lines a note may carry (the spec requires accepting at least 16).</summary>
    public const int MaxSignatures = 64;

    /// <summary>Largest note accepted when parsing, in characters.</summary>
    public const int MaxLength = 1 << 20;

    private const string SignaturePrefix = "\u2014 ";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates a note from its text and at least one signature line.</summary>
    /// <exception cref="ArgumentException">
    /// The text does not end in a newline or has control characters, or the signatures are empty, too many or repeat a key.
    /// </exception>
    public SignedNote(string text, IEnumerable<NoteSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signatures);
        if (!IsValidText(text))
        {
            throw new ArgumentException("Note text must be non-empty UTF-16, end in a newline and hold no control characters but newlines.", nameof(text));
        }
        var list = signatures.ToList();
        if (!AreValidSignatures(list))
        {
            throw new ArgumentException($"A note carries 1 to {MaxSignatures} signatures, at most one per key.", nameof(signatures));
        }
        Text = text;
        Signatures = list.AsReadOnly();
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    /// <summary>The signature lines, in order. None of them is verified until <see cref="TryVerify"/> says so.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Signs <paramref name="text"/> with every signer, in order.</summary>
    public static SignedNote Sign(string text, params ReadOnlySpan<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] message = Encoding.UTF8.GetBytes(text);
        var signatures = new List<NoteSignature>(signers.Length);
        foreach (var signer in signers)
        {
            ArgumentNullException.ThrowIfNull(signer);
            signatures.Add(signer.Sign(message));
        }
        return new SignedNote(text, signatures);
    }

    /// <summary>Returns a copy with one more signature line from <paramref name="signer"/> (e.g. a witness cosignature).</summary>
    public SignedNote AddSignature(NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return new SignedNote(Text, [.. Signatures, signer.Sign(Encoding.UTF8.GetBytes(Text))]);
    }

    /// <summary>Parses a canonical signed note; any other input returns <see langword="false"/>.</summary>
    public static bool TryParse(string? note, [NotNullWhen(true)] out SignedNote? signedNote)
    {
        signedNote = null;
        if (note is null || note.Length > MaxLength || !note.EndsWith('\n') || !IsValidText(note))
        {
            return false;
        }
        int separator = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (separator < 0 || separator + 2 == note.Length)
        {
            return false; // no empty line, or no signature line after it
        }
        string text = note[..(separator + 1)];
        var lines = note[(separator + 2)..^1].Split('\n');
        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            if (signatures.Count == MaxSignatures || !TryParseSignatureLine(line, out var signature))
            {
                return false;
            }
            signatures.Add(signature);
        }
        if (!AreValidSignatures(signatures))
        {
            return false;
        }
        signedNote = new SignedNote(text, signatures);
        return true;
    }

    /// <summary>Parses a canonical signed note from UTF-8 bytes; invalid UTF-8 returns <see langword="false"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Note, [NotNullWhen(true)] out SignedNote? signedNote)
    {
        signedNote = null;
        if (utf8Note.Length > 4 * MaxLength)
        {
            return false;
        }
        string note;
        try
        {
            note = StrictUtf8.GetString(utf8Note);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return TryParse(note, out signedNote);
    }

    /// <summary>
    /// Verifies the note against trusted keys: lines whose name and key ID match no verifier are ignored;
    /// if a matching line fails, the whole note is rejected; at least one line must verify.
    /// </summary>
    /// <param name="verifiers">Trusted keys; no two may share both name and key ID.</param>
    /// <param name="verified">The lines that verified, with their verifier, in note order.</param>
    /// <exception cref="ArgumentException">Two verifiers share a name and key ID.</exception>
    public bool TryVerify(IEnumerable<NoteVerifier> verifiers, out IReadOnlyList<VerifiedSignature> verified)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var byKey = new Dictionary<(string, uint), NoteVerifier>();
        foreach (var verifier in verifiers)
        {
            ArgumentNullException.ThrowIfNull(verifier);
            if (!byKey.TryAdd((verifier.Name, verifier.KeyId), verifier))
            {
                throw new ArgumentException($"Two verifiers share the name and key ID of '{verifier.Name}'.", nameof(verifiers));
            }
        }

        verified = [];
        byte[] message = StrictUtf8.GetBytes(Text);
        var results = new List<VerifiedSignature>();
        foreach (var signature in Signatures)
        {
            if (!byKey.TryGetValue((signature.KeyName, signature.KeyId), out var verifier))
            {
                continue;
            }
            if (!verifier.Verify(message, signature.Signature.Span))
            {
                return false;
            }
            results.Add(new VerifiedSignature(verifier, signature));
        }
        verified = results.AsReadOnly();
        return results.Count > 0;
    }

    /// <summary>Returns the canonical note text: text, empty line, signature lines.</summary>
    public string Format()
    {
        var builder = new StringBuilder(Text).Append('\n');
        Span<byte> keyId = stackalloc byte[4];
        foreach (var signature in Signatures)
        {
            BinaryPrimitives.WriteUInt32BigEndian(keyId, signature.KeyId);
            builder.Append(SignaturePrefix).Append(signature.KeyName).Append(' ')
                .Append(Convert.ToBase64String([.. keyId, .. signature.Signature.Span])).Append('\n');
        }
        return builder.ToString();
    }

    /// <inheritdoc cref="Format" />
    public override string ToString() => Format();

    private static bool TryParseSignatureLine(string line, [NotNullWhen(true)] out NoteSignature? signature)
    {
        signature = null;
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = line.AsSpan(SignaturePrefix.Length);
        int space = rest.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }
        string name = rest[..space].ToString();
        if (!NoteKeyName.IsValid(name) || !CanonicalBase64.TryDecode(rest[(space + 1)..], out var blob) || blob.Length < 5)
        {
            return false;
        }
        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(blob), blob.AsSpan(4));
        return true;
    }

    private static bool IsValidText(string text)
    {
        if (text.Length == 0 || !text.EndsWith('\n'))
        {
            return false;
        }
        foreach (char c in text)
        {
            if (c < 0x20 && c != '\n')
            {
                return false;
            }
        }
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false; // lone surrogate: not representable in UTF-8
        }
    }

    private static bool AreValidSignatures(List<NoteSignature> signatures) =>
        signatures.Count is > 0 and <= MaxSignatures
        && !signatures.Contains(null!)
        && signatures.Select(s => (s.KeyName, s.KeyId)).Distinct().Count() == signatures.Count;
}

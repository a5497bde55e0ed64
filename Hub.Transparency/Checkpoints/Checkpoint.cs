// Checkpoint: the C2SP tlog-checkpoint note text, a signed statement of a log's tree head.
//
//   <origin>\n            unique log identity, e.g. "hub.example/log/case/5f0c…"; non-empty
//   <tree size>\n         ASCII decimal, no leading zeroes ("0" for the empty tree)
//   <root hash>\n         base64 of the 32-byte RFC 9162 root at that size
//   [<extension>\n ...]   optional, non-empty, opaque lines (not auditable; avoid)
//
// The hub signs it as a signed note (Ed25519, type 0x01); witnesses add tlog-cosignature v1 lines.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;

namespace Hub.Transparency.Checkpoints;

/// <summary>A log's tree head (origin, size, root hash) in the C2SP checkpoint text form.</summary>
public sealed class Checkpoint
{
    private readonly byte[] _rootHash;

    /// <summary>Creates a checkpoint; the root hash is copied.</summary>
    /// <exception cref="ArgumentException">
    /// The origin or an extension line is empty or holds a newline or control character, the size is negative,
    /// or the root hash is not 32 bytes.
    /// </exception>
    public Checkpoint(string origin, long size, ReadOnlySpan<byte> rootHash, IEnumerable<string>? extensions = null)
    {
        if (!IsValidLine(origin))
        {
            throw new ArgumentException("The origin is a non-empty line without control characters.", nameof(origin));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rootHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("The root hash is 32 bytes.", nameof(rootHash));
        }
        var lines = extensions?.ToList() ?? [];
        if (!lines.TrueForAll(IsValidLine))
        {
            throw new ArgumentException("Extension lines are non-empty and hold no control characters.", nameof(extensions));
        }
        Origin = origin;
        Size = size;
        _rootHash = rootHash.ToArray();
        Extensions = lines.AsReadOnly();
    }

    /// <summary>The log identity.</summary>
    public string Origin { get; }

    /// <summary>Number of leaves in the tree.</summary>
    public long Size { get; }

    /// <summary>The RFC 9162 root hash at <see cref="Size"/>.</summary>
    public ReadOnlyMemory<byte> RootHash => _rootHash;

    /// <summary>Extension lines after the root hash, usually none.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Returns the note text: origin, size, base64 root and extension lines, each ending in a newline.</summary>
    public string ToNoteText()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(_rootHash)).Append('\n');
        foreach (var line in Extensions)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Parses a canonical checkpoint note text (unsigned); anything else returns <see langword="false"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Checkpoint? checkpoint)
    {
        checkpoint = null;
        if (text is null || !text.EndsWith('\n'))
        {
            return false;
        }
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || !Array.TrueForAll(lines, IsValidLine)
            || !TryParseSize(lines[1], out long size)
            || !TryDecodeRoot(lines[2], out var root))
        {
            return false;
        }
        checkpoint = new Checkpoint(lines[0], size, root, lines[3..]);
        return true;
    }

    /// <summary>Signs the checkpoint text with the log key (and any further signers), as a signed note.</summary>
    public SignedNote Sign(params ReadOnlySpan<NoteSigner> signers) => SignedNote.Sign(ToNoteText(), signers);

    /// <summary>
    /// Opens a signed checkpoint as a client must: the note parses canonically, the log key's signature
    /// verifies, the origin is the expected one, and at least <paramref name="witnessQuorum"/> of the trusted
    /// witnesses cosigned it. Lines from unknown keys are ignored; a bad line from a trusted key rejects the note.
    /// </summary>
    /// <param name="signedNote">The note as received.</param>
    /// <param name="expectedOrigin">The log the caller asked about; stops a checkpoint of another log being passed off.</param>
    /// <param name="logKey">The hub's checkpoint key.</param>
    /// <param name="witnesses">Trusted witness keys (none for no witnessing).</param>
    /// <param name="witnessQuorum">How many distinct trusted witnesses must have cosigned.</param>
    /// <param name="checkpoint">The verified checkpoint.</param>
    /// <exception cref="ArgumentException">Misuse: negative or unreachable quorum, or verifiers with clashing keys.</exception>
    public static bool TryOpen(
        string? signedNote,
        string expectedOrigin,
        NoteVerifier logKey,
        IReadOnlyCollection<NoteVerifier> witnesses,
        int witnessQuorum,
        [NotNullWhen(true)] out Checkpoint? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(expectedOrigin);
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentNullException.ThrowIfNull(witnesses);
        ArgumentOutOfRangeException.ThrowIfNegative(witnessQuorum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(witnessQuorum, witnesses.Count);

        checkpoint = null;
        if (!SignedNote.TryParse(signedNote, out var note)
            || !note.TryVerify([logKey, .. witnesses], out var verified)
            || !verified.Any(v => ReferenceEquals(v.Verifier, logKey))
            || verified.Count(v => !ReferenceEquals(v.Verifier, logKey)) < witnessQuorum
            || !TryParse(note.Text, out var parsed)
            || !string.Equals(parsed.Origin, expectedOrigin, StringComparison.Ordinal))
        {
            return false;
        }
        checkpoint = parsed;
        return true;
    }

    /// <summary>Opens a checkpoint signed by the log key alone (no witness quorum).</summary>
    public static bool TryOpen(string? signedNote, string expectedOrigin, NoteVerifier logKey, [NotNullWhen(true)] out Checkpoint? checkpoint) =>
        TryOpen(signedNote, expectedOrigin, logKey, [], 0, out checkpoint);

    private static bool IsValidLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return false;
        }
        foreach (char c in line)
        {
            if (c < 0x20)
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryParseSize(string line, out long size)
    {
        size = 0;
        // Only canonical decimal: digits, no sign, no leading zero unless the size is 0.
        if (line.Length > 19 || (line.Length > 1 && line[0] == '0') || !line.All(char.IsAsciiDigit))
        {
            return false;
        }
        return long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    private static bool TryDecodeRoot(string line, out byte[] root) =>
        CanonicalBase64.TryDecode(line, out root) && root.Length == MerkleHash.Size;
}

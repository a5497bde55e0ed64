// The age v1 header: version line, recipient stanzas, and the header MAC
//   MAC = HMAC-SHA-256(key = HKDF-SHA-256(ikm = file key, salt = "", info = "header"),
//                      message = header bytes up to and including "---")
// (RFC 2104, RFC 5869). 32-byte MAC, 16-byte file key.
using System.Security.Cryptography;
using System.Text;

namespace Hub.Client.Crypto.Format;

/// <summary>
/// A parsed or freshly created age header. It is the unit of key management for sealed referrals:
/// <list type="number">
/// <item><see cref="Create"/> wraps a file key to a list of recipients (the payload is sealed
/// separately with <see cref="Payload"/> or all at once with <see cref="Envelope"/>).</item>
/// <item><see cref="Unwrap"/> opens the header with identities, verifies the MAC, and returns the
/// file key as a disposable secret.</item>
/// <item><see cref="AddRecipients"/> re-wraps: same file key, the existing stanzas plus new ones,
/// a new MAC. The payload bytes stay as they are, so forwarding never re-encrypts content.</item>
/// </list>
/// </summary>
public sealed class EnvelopeHeader
{
    private readonly byte[] _encoded;
    private readonly int _macInputLength;
    private readonly byte[] _mac;

    internal EnvelopeHeader(List<RecipientStanza> stanzas, byte[] encoded, int macInputLength, byte[] mac)
    {
        Stanzas = stanzas.AsReadOnly();
        _encoded = encoded;
        _macInputLength = macInputLength;
        _mac = mac;
    }

    /// <summary>The recipient stanzas, in header order.</summary>
    public IReadOnlyList<RecipientStanza> Stanzas { get; }

    /// <summary>Length in bytes of the encoded header (the payload starts right after it).</summary>
    public int Length => _encoded.Length;

    /// <summary>Wraps <paramref name="fileKey"/> to every recipient and MACs the result.</summary>
    /// <exception cref="ArgumentException">No recipients, or a passphrase recipient mixed with others.</exception>
    public static EnvelopeHeader Create(FileKey fileKey, IReadOnlyList<IRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one recipient is required.", nameof(recipients));
        }

        if (recipients.Count > 1 && recipients.Any(r => r is Recipients.ScryptRecipient))
        {
            throw new ArgumentException("A passphrase recipient must be the only recipient.", nameof(recipients));
        }

        var stanzas = recipients.Select(r => (r ?? throw new ArgumentException("Null recipient.", nameof(recipients))).Wrap(fileKey)).ToList();
        return Build(fileKey, stanzas);
    }

    /// <summary>Reads exactly one header from <paramref name="source"/>, leaving it at the first payload byte.</summary>
    public static EnvelopeHeader Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return HeaderParser.Parse(source);
    }

    /// <summary>Parses a header that spans exactly <paramref name="header"/>.</summary>
    public static EnvelopeHeader Parse(ReadOnlySpan<byte> header)
    {
        using var stream = new MemoryStream(header.ToArray(), writable: false);
        var parsed = HeaderParser.Parse(stream);
        if (stream.Position != stream.Length)
        {
            throw new AgeException(AgeErrorKind.MalformedHeader, "Bytes follow the header MAC line.");
        }

        return parsed;
    }

    /// <summary>
    /// Finds a stanza one of <paramref name="identities"/> opens, verifies the header MAC under the
    /// file key, and returns the key (the caller disposes it).
    /// </summary>
    /// <exception cref="AgeException">NoMatchingRecipient, HeaderMacMismatch, MalformedHeader, ...</exception>
    public FileKey Unwrap(IReadOnlyList<IIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (identities.Count == 0)
        {
            throw new ArgumentException("At least one identity is required.", nameof(identities));
        }

        if (Stanzas.Count > 1 && Stanzas.Any(s => s.Type == Labels.ScryptStanzaType))
        {
            throw new AgeException(AgeErrorKind.MalformedHeader, "An scrypt stanza must be the only stanza.");
        }

        foreach (var identity in identities)
        {
            var fileKey = (identity ?? throw new ArgumentException("Null identity.", nameof(identities))).Unwrap(Stanzas);
            if (fileKey is null)
            {
                continue;
            }

            if (!VerifyMac(fileKey))
            {
                fileKey.Dispose();
                throw new AgeException(AgeErrorKind.HeaderMacMismatch, "The header MAC does not verify.");
            }

            return fileKey;
        }

        throw new AgeException(AgeErrorKind.NoMatchingRecipient, "No identity matches any recipient stanza.");
    }

    /// <summary>
    /// Re-wraps: returns a header with the current stanzas followed by stanzas for
    /// <paramref name="recipients"/>, MACed under the same file key. The payload stays valid.
    /// </summary>
    /// <exception cref="ArgumentException">The key does not belong to this header, or a passphrase recipient is involved.</exception>
    public EnvelopeHeader AddRecipients(FileKey fileKey, IReadOnlyList<IRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one recipient is required.", nameof(recipients));
        }

        if (!VerifyMac(fileKey))
        {
            throw new ArgumentException("The file key does not belong to this header.", nameof(fileKey));
        }

        if (recipients.Any(r => r is Recipients.ScryptRecipient) || Stanzas.Any(s => s.Type == Labels.ScryptStanzaType))
        {
            throw new ArgumentException("Passphrase-protected envelopes cannot have further recipients.", nameof(recipients));
        }

        var stanzas = Stanzas.Concat(recipients.Select(r => (r ?? throw new ArgumentException("Null recipient.", nameof(recipients))).Wrap(fileKey))).ToList();
        return Build(fileKey, stanzas);
    }

    /// <summary>The encoded header bytes (version line through MAC line).</summary>
    public byte[] ToArray() => (byte[])_encoded.Clone();

    /// <summary>Writes the encoded header.</summary>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_encoded);
    }

    internal bool VerifyMac(FileKey fileKey)
    {
        Span<byte> expected = stackalloc byte[Labels.MacSize];
        ComputeMac(fileKey, _encoded.AsSpan(0, _macInputLength), expected);
        return CryptographicOperations.FixedTimeEquals(expected, _mac);
    }

    internal static EnvelopeHeader Build(FileKey fileKey, List<RecipientStanza> stanzas)
    {
        var text = new StringBuilder();
        text.Append(Encoding.ASCII.GetString(Labels.VersionLine)).Append('\n');
        foreach (var stanza in stanzas)
        {
            stanza.WriteTo(text);
        }

        text.Append("---");
        var macInput = Encoding.ASCII.GetBytes(text.ToString());
        var mac = new byte[Labels.MacSize];
        ComputeMac(fileKey, macInput, mac);
        var encoded = Encoding.ASCII.GetBytes(text.Append(' ').Append(CanonicalBase64.Encode(mac)).Append('\n').ToString());
        return new EnvelopeHeader(stanzas, encoded, macInput.Length, mac);
    }

    private static void ComputeMac(FileKey fileKey, ReadOnlySpan<byte> macInput, Span<byte> mac)
    {
        Span<byte> macKey = stackalloc byte[Labels.DerivedKeySize];
        try
        {
            fileKey.Derive([], Labels.HeaderKey, macKey);
            HMACSHA256.HashData(macKey, macInput, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(macKey);
        }
    }
}

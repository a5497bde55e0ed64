// Whole age v1 envelopes: header (X25519 / scrypt stanzas, HMAC-SHA-256 MAC) followed by the
// ChaCha20-Poly1305 STREAM payload, optionally in ASCII armor. Streams in constant memory.
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Streaming;

namespace Hub.Client.Crypto;

/// <summary>
/// Seals and opens complete age v1 files, interoperable with the <c>age</c> CLI. Decryption
/// detects ASCII armor by itself. Forged or damaged input throws <see cref="AgeException"/>;
/// misuse throws <see cref="ArgumentException"/>.
/// </summary>
public static class Envelope
{
    /// <summary>Seals <paramref name="plaintext"/> to <paramref name="recipients"/>, keeping header and payload apart.</summary>
    public static SealedEnvelope Seal(ReadOnlySpan<byte> plaintext, IReadOnlyList<IRecipient> recipients)
    {
        using var fileKey = FileKey.Generate();
        var header = EnvelopeHeader.Create(fileKey, recipients);
        return new SealedEnvelope(header, Payload.Encrypt(fileKey, plaintext));
    }

    /// <summary>Encrypts a buffer to a complete age file (binary, or armored if <paramref name="armor"/>).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, IReadOnlyList<IRecipient> recipients, bool armor = false)
    {
        using var input = new MemoryStream(plaintext.ToArray(), writable: false);
        using var output = new MemoryStream();
        Encrypt(input, output, recipients, armor);
        return output.ToArray();
    }

    /// <summary>Encrypts <paramref name="plaintext"/> (to its end) into <paramref name="output"/>.</summary>
    public static void Encrypt(Stream plaintext, Stream output, IReadOnlyList<IRecipient> recipients, bool armor = false)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(output);
        using var fileKey = FileKey.Generate();
        var header = EnvelopeHeader.Create(fileKey, recipients);
        var target = armor ? new ArmorWriter(output, leaveOpen: true) : output;
        try
        {
            header.WriteTo(target);
            Payload.Encrypt(fileKey, plaintext, target);
        }
        finally
        {
            if (armor)
            {
                target.Dispose();
            }
        }
    }

    /// <summary>Decrypts a complete age file (binary or armored).</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> envelope, IReadOnlyList<IIdentity> identities)
    {
        using var input = new MemoryStream(envelope.ToArray(), writable: false);
        using var output = new MemoryStream();
        Decrypt(input, output, identities);
        return output.ToArray();
    }

    /// <summary>Decrypts <paramref name="input"/> into <paramref name="output"/>, writing only authenticated plaintext.</summary>
    public static void Decrypt(Stream input, Stream output, IReadOnlyList<IIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var plaintext = OpenRead(input, identities);
        plaintext.CopyTo(output);
    }

    /// <summary>
    /// Opens the header with <paramref name="identities"/> and returns a read-only plaintext stream
    /// (see <see cref="Payload.OpenRead"/> for its end-of-stream guarantee). The returned stream does
    /// not dispose <paramref name="input"/>.
    /// </summary>
    public static Stream OpenRead(Stream input, IReadOnlyList<IIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(identities);
        var source = Unarmor(input);
        var header = EnvelopeHeader.Read(source);
        using var fileKey = header.Unwrap(identities);
        return Payload.OpenRead(fileKey, source);
    }

    // Binary age files start with "a"; anything else is treated as (possibly whitespace-led) armor.
    private static Stream Unarmor(Stream input)
    {
        var first = input.ReadByte();
        if (first < 0)
        {
            throw new AgeException(AgeErrorKind.Truncated, "The input is empty.");
        }

        Stream replay;
        if (input.CanSeek)
        {
            input.Seek(-1, SeekOrigin.Current);
            replay = input;
        }
        else
        {
            replay = new PrefixedStream([(byte)first], input);
        }

        return first == Labels.VersionLine[0] ? replay : new ArmorReader(replay);
    }
}

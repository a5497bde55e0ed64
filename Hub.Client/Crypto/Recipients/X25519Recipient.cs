// The age X25519 recipient ("age1..."): ephemeral-static X25519 (RFC 7748), wrap key from
// HKDF-SHA-256 (RFC 5869) with salt = ephemeral share || recipient and info
// "age-encryption.org/v1/X25519", file key sealed with ChaCha20-Poly1305 (RFC 8439).
// Sizes: 32-byte public key and share; 32-byte stanza body (16-byte key + 16-byte tag).
using Hub.Client.Crypto.Format;
using NSec.Cryptography;

namespace Hub.Client.Crypto.Recipients;

/// <summary>An X25519 public recipient, encoded as Bech32 <c>age1...</c>.</summary>
public sealed class X25519Recipient : IRecipient
{
    private static readonly KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;
    private readonly byte[] _raw;

    internal X25519Recipient(PublicKey publicKey)
    {
        PublicKey = publicKey;
        _raw = publicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The NSec public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>Parses an <c>age1...</c> string.</summary>
    /// <exception cref="AgeException">MalformedKey, NonCanonicalEncoding or UnsupportedRecipient.</exception>
    public static X25519Recipient Parse(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!Bech32.TryDecode(recipient, out var hrp, out var data))
        {
            throw new AgeException(AgeErrorKind.MalformedKey, "Invalid recipient encoding.");
        }

        if (!hrp.Equals(Labels.RecipientHrp, StringComparison.OrdinalIgnoreCase))
        {
            throw new AgeException(AgeErrorKind.UnsupportedRecipient, $"Unsupported recipient type '{hrp}'.");
        }

        if (hrp != Labels.RecipientHrp)
        {
            throw new AgeException(AgeErrorKind.NonCanonicalEncoding, "Recipients are lower case.");
        }

        if (data.Length != Labels.X25519KeySize || !PublicKey.TryImport(X25519, data, KeyBlobFormat.RawPublicKey, out var key))
        {
            throw new AgeException(AgeErrorKind.MalformedKey, "Invalid X25519 recipient key.");
        }

        return new X25519Recipient(key!);
    }

    /// <inheritdoc/>
    public RecipientStanza Wrap(FileKey fileKey)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        var parameters = StanzaAead.Ephemeral;
        using var ephemeral = Key.Create(X25519, in parameters);
        return Wrap(fileKey, ephemeral);
    }

    /// <summary>Wraps with a caller-chosen ephemeral key (deterministic test vectors only).</summary>
    internal RecipientStanza Wrap(FileKey fileKey, Key ephemeral)
    {
        var share = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        using var shared = X25519.Agree(ephemeral, PublicKey)
            ?? throw new AgeException(AgeErrorKind.LowOrderPoint, "The recipient key is a low-order point.");
        using var wrapKey = DeriveWrapKey(shared, share, _raw);
        return new RecipientStanza(Labels.X25519StanzaType, [CanonicalBase64.Encode(share)], StanzaAead.Seal(wrapKey, fileKey));
    }

    /// <summary>The Bech32 <c>age1...</c> encoding.</summary>
    public override string ToString() => Bech32.Encode(Labels.RecipientHrp, _raw);

    internal static Key DeriveWrapKey(SharedSecret shared, ReadOnlySpan<byte> share, ReadOnlySpan<byte> recipient)
    {
        Span<byte> salt = stackalloc byte[2 * Labels.X25519KeySize];
        share.CopyTo(salt);
        recipient.CopyTo(salt[Labels.X25519KeySize..]);
        var parameters = StanzaAead.Ephemeral;
        return KeyDerivationAlgorithm.HkdfSha256.DeriveKey(shared, salt, Labels.X25519Wrap, AeadAlgorithm.ChaCha20Poly1305, in parameters);
    }
}

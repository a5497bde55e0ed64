// The age X25519 identity ("AGE-SECRET-KEY-1..."): a 32-byte X25519 private key (RFC 7748).
// Unwraps X25519 stanzas: shared = X25519(identity, share), rejecting low-order shares (all-zero
// shared secret), wrap key via HKDF-SHA-256 (RFC 5869), ChaCha20-Poly1305 (RFC 8439) body of 32 bytes.
using System.Security.Cryptography;
using Hub.Client.Crypto.Format;
using NSec.Cryptography;

namespace Hub.Client.Crypto.Recipients;

/// <summary>
/// An X25519 identity. Keys from <see cref="Generate"/> allow plaintext export once (to write the
/// identity file); keys from <see cref="Parse(string)"/> are not exportable.
/// </summary>
public sealed class X25519Identity : IIdentity, IDisposable
{
    private static readonly KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;
    private readonly Key _key;

    private X25519Identity(Key key)
    {
        _key = key;
        Recipient = new X25519Recipient(key.PublicKey);
    }

    /// <summary>The matching public recipient.</summary>
    public X25519Recipient Recipient { get; }

    /// <summary>Creates a new random identity whose private key may be exported with <see cref="Encode"/>.</summary>
    public static X25519Identity Generate()
    {
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new X25519Identity(Key.Create(X25519, in parameters));
    }

    /// <summary>Creates a new random identity with an explicit export policy (key store and generation keys).</summary>
    internal static X25519Identity Create(KeyExportPolicies policy)
    {
        var parameters = new KeyCreationParameters { ExportPolicy = policy };
        return new X25519Identity(Key.Create(X25519, in parameters));
    }

    /// <summary>Imports a raw 32-byte private key; the caller zeroes its copy.</summary>
    /// <exception cref="AgeException">MalformedKey if the bytes are not an X25519 private key.</exception>
    internal static X25519Identity Import(ReadOnlySpan<byte> raw, KeyExportPolicies policy)
    {
        var parameters = new KeyCreationParameters { ExportPolicy = policy };
        if (raw.Length != Labels.X25519KeySize || !Key.TryImport(X25519, raw, KeyBlobFormat.RawPrivateKey, out var key, in parameters))
        {
            throw new AgeException(AgeErrorKind.MalformedKey, "Invalid X25519 private key.");
        }

        return new X25519Identity(key!);
    }

    /// <summary>The raw private key (the caller zeroes it); throws unless the export policy allows it.</summary>
    internal byte[] ExportRaw() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>Parses an <c>AGE-SECRET-KEY-1...</c> string into a non-exportable key.</summary>
    /// <exception cref="AgeException">MalformedKey, NonCanonicalEncoding or UnsupportedRecipient.</exception>
    public static X25519Identity Parse(string identity) => Parse(identity, KeyExportPolicies.None);

    internal static X25519Identity Parse(string identity, KeyExportPolicies policy)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!Bech32.TryDecode(identity, out var hrp, out var data))
        {
            throw new AgeException(AgeErrorKind.MalformedKey, "Invalid identity encoding.");
        }

        try
        {
            if (!hrp.Equals(Labels.IdentityHrp, StringComparison.OrdinalIgnoreCase))
            {
                throw new AgeException(AgeErrorKind.UnsupportedRecipient, "Unsupported identity type.");
            }

            if (hrp != Labels.IdentityHrp)
            {
                throw new AgeException(AgeErrorKind.NonCanonicalEncoding, "Identities are upper case.");
            }

            var parameters = new KeyCreationParameters { ExportPolicy = policy };
            if (data.Length != Labels.X25519KeySize || !Key.TryImport(X25519, data, KeyBlobFormat.RawPrivateKey, out var key, in parameters))
            {
                throw new AgeException(AgeErrorKind.MalformedKey, "Invalid X25519 identity key.");
            }

            return new X25519Identity(key!);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
        }
    }

    /// <summary>The <c>AGE-SECRET-KEY-1...</c> encoding; only for keys created by <see cref="Generate"/>.</summary>
    /// <exception cref="InvalidOperationException">The key is not exportable.</exception>
    public string Encode()
    {
        if (_key.ExportPolicy == KeyExportPolicies.None)
        {
            throw new InvalidOperationException("This identity's private key is not exportable.");
        }

        var raw = _key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return Bech32.Encode(Labels.IdentityHrp, raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <inheritdoc/>
    public FileKey? Unwrap(IReadOnlyList<RecipientStanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        var self = Recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        foreach (var stanza in stanzas)
        {
            if (stanza.Type != Labels.X25519StanzaType)
            {
                continue;
            }

            if (stanza.Arguments.Count != 1)
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "An X25519 stanza has exactly one argument.");
            }

            if (!CanonicalBase64.TryDecode(stanza.Arguments[0], out var share))
            {
                throw new AgeException(AgeErrorKind.NonCanonicalEncoding, "Non-canonical X25519 share.");
            }

            if (share.Length != Labels.X25519KeySize || stanza.Body.Length != Labels.WrappedKeySize)
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "Malformed X25519 stanza.");
            }

            if (!PublicKey.TryImport(X25519, share, KeyBlobFormat.RawPublicKey, out var peer))
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "Invalid X25519 share.");
            }

            using var shared = X25519.Agree(_key, peer!)
                ?? throw new AgeException(AgeErrorKind.LowOrderPoint, "The X25519 share is a low-order point.");
            using var wrapKey = X25519Recipient.DeriveWrapKey(shared, share, self);
            var fileKey = StanzaAead.Open(wrapKey, stanza.Body);
            if (fileKey is not null)
            {
                return fileKey;
            }
        }

        return null;
    }

    public void Dispose() => _key.Dispose();
}

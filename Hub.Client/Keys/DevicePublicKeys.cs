// The public half of a member device's keys: X25519 (RFC 7748, 32 bytes) to receive agency
// generation keys, Ed25519 (RFC 8032, 32 bytes) to verify the device's statements.
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;
using NSec.Cryptography;

namespace Hub.Client.Keys;

/// <summary>A device's identifier and public keys, as enrolment statements and the key directory carry them.</summary>
public sealed record DevicePublicKeys
{
    /// <exception cref="ArgumentException">The device id is not a valid identifier or a key has the wrong algorithm.</exception>
    public DevicePublicKeys(string deviceId, X25519Recipient encryptionKey, PublicKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(encryptionKey);
        ArgumentNullException.ThrowIfNull(signingKey);
        if (signingKey.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("The signing key must be Ed25519.", nameof(signingKey));
        }

        DeviceId = Identifier.Require(deviceId, nameof(deviceId));
        EncryptionKey = encryptionKey;
        SigningKey = signingKey;
    }

    /// <summary>The device identifier, unique within its agency.</summary>
    public string DeviceId { get; }

    /// <summary>X25519 key that agency generation keys are wrapped to.</summary>
    public X25519Recipient EncryptionKey { get; }

    /// <summary>Ed25519 key that verifies the device's signatures.</summary>
    public PublicKey SigningKey { get; }

    /// <summary>Fingerprint over both keys, for out-of-band comparison.</summary>
    public string Fingerprint => Keys.Fingerprint.OfDevice(this);

    internal byte[] RawEncryptionKey => EncryptionKey.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    internal byte[] RawSigningKey => SigningKey.Export(KeyBlobFormat.RawPublicKey);

    /// <summary>Rebuilds public keys read from a record; bad key bytes fail closed.</summary>
    internal static DevicePublicKeys FromRaw(string deviceId, ReadOnlySpan<byte> x25519, ReadOnlySpan<byte> ed25519)
    {
        if (!PublicKey.TryImport(KeyAgreementAlgorithm.X25519, x25519, KeyBlobFormat.RawPublicKey, out var encryption)
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, ed25519, KeyBlobFormat.RawPublicKey, out var signing))
        {
            throw new AgeException(AgeErrorKind.MalformedStatement, "Invalid device public key in a record.");
        }

        return new DevicePublicKeys(Identifier.Check(deviceId), new X25519Recipient(encryption!), signing!);
    }
}

// A member device's secret keys, generated on the device and never sent anywhere:
//   X25519 (RFC 7748)  32-byte private key: unwraps the agency generation keys wrapped to the device
//   Ed25519 (RFC 8032) 32-byte seed, 64-byte signatures: signs referral, forwarding, enrolment and
//                      revocation statements
// Freshly generated keys allow exactly one plaintext export (KeyExportPolicies.AllowPlaintextArchiving),
// which DeviceKeyStore uses to write them into the passphrase-protected key file; keys loaded from
// that file are not exportable at all.
using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;
using NSec.Cryptography;

namespace Hub.Client.Keys;

/// <summary>A device's X25519 decryption key and Ed25519 signing key. Dispose to release them.</summary>
public sealed class DeviceKey : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly X25519Identity _decryption;
    private readonly Key _signing;

    private DeviceKey(string deviceId, X25519Identity decryption, Key signing)
    {
        _decryption = decryption;
        _signing = signing;
        PublicKeys = new DevicePublicKeys(deviceId, decryption.Recipient, signing.PublicKey);
    }

    /// <summary>The device id and public keys (safe to publish).</summary>
    public DevicePublicKeys PublicKeys { get; }

    /// <summary>The device id.</summary>
    public string DeviceId => PublicKeys.DeviceId;

    /// <summary>The X25519 identity that unwraps agency generation keys wrapped to this device.</summary>
    public IIdentity Identity => _decryption;

    /// <summary>Generates a new device key pair on this device.</summary>
    /// <exception cref="ArgumentException">The device id is not a valid identifier.</exception>
    public static DeviceKey Generate(string deviceId)
    {
        Identifier.Require(deviceId, nameof(deviceId));
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving };
        var decryption = X25519Identity.Create(KeyExportPolicies.AllowPlaintextArchiving);
        return new DeviceKey(deviceId, decryption, Key.Create(Ed25519, in parameters));
    }

    /// <summary>Signs a canonical statement (which starts with its own domain label).</summary>
    internal byte[] Sign(ReadOnlySpan<byte> statement) => Ed25519.Sign(_signing, statement);

    /// <summary>
    /// The key record written into the key store: label, device id, X25519 private key, Ed25519 seed.
    /// The caller zeroes the result. Allowed once per generated key.
    /// </summary>
    internal byte[] ExportRecord()
    {
        var x25519 = _decryption.ExportRaw();
        var ed25519 = _signing.Export(KeyBlobFormat.RawPrivateKey);
        var writer = new CanonicalWriter();
        try
        {
            return writer.Label(Labels.DeviceKeyRecord).String(DeviceId).Bytes(x25519).Bytes(ed25519).ToArray();
        }
        finally
        {
            writer.Clear();
            CryptographicOperations.ZeroMemory(x25519);
            CryptographicOperations.ZeroMemory(ed25519);
        }
    }

    /// <summary>Rebuilds non-exportable keys from a key record.</summary>
    /// <exception cref="AgeException">MalformedStatement or MalformedKey.</exception>
    internal static DeviceKey ImportRecord(ReadOnlySpan<byte> record)
    {
        var reader = new CanonicalReader(record, Labels.MaxStatementSize);
        reader.Label(Labels.DeviceKeyRecord);
        var deviceId = Identifier.Check(reader.String());
        var x25519 = reader.Bytes(Labels.X25519KeySize);
        var ed25519 = reader.Bytes(Labels.Ed25519KeySize);
        try
        {
            reader.End();
            var decryption = X25519Identity.Import(x25519, KeyExportPolicies.None);
            var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None };
            if (!Key.TryImport(Ed25519, ed25519, KeyBlobFormat.RawPrivateKey, out var signing, in parameters))
            {
                decryption.Dispose();
                throw new AgeException(AgeErrorKind.MalformedKey, "Invalid Ed25519 seed in the key store.");
            }

            return new DeviceKey(deviceId, decryption, signing!);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(x25519);
            CryptographicOperations.ZeroMemory(ed25519);
        }
    }

    public void Dispose()
    {
        _decryption.Dispose();
        _signing.Dispose();
    }
}

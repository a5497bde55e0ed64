using Hub.Client.Crypto.Recipients;
using Hub.Client.Keys;
using NSec.Cryptography;

namespace Hub.Cli.Keys;

/// <summary>
/// The public half of a profile's device, kept next to the passphrase-protected key file so that commands can
/// show the fingerprint and register the device without asking for the passphrase. Nothing secret is in it.
/// </summary>
internal sealed record DeviceCard(string AgencyId, string DeviceId, string EncryptionKey, string SigningKey, string Fingerprint)
{
    public static DeviceCard Of(string agencyId, DevicePublicKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new DeviceCard(agencyId, keys.DeviceId, keys.EncryptionKey.ToString(), Convert.ToBase64String(keys.SigningKey.Export(KeyBlobFormat.RawPublicKey)), keys.Fingerprint);
    }

    public byte[] RawSigningKey => Convert.FromBase64String(SigningKey);

    public DevicePublicKeys ToKeys() => Keys(DeviceId, EncryptionKey, RawSigningKey);

    /// <summary>Device public keys from the hub's wire form (an <c>age1…</c> recipient and a raw Ed25519 key).</summary>
    public static DevicePublicKeys Keys(string deviceId, string encryptionKey, byte[] signingKey) =>
        new(deviceId, X25519Recipient.Parse(encryptionKey), PublicKey.Import(SignatureAlgorithm.Ed25519, signingKey, KeyBlobFormat.RawPublicKey));
}

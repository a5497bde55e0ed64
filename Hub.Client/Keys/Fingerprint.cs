// Printable fingerprints of public keys for out-of-band comparison and pinning:
//   SHA-256( u8 len || "referral-hub/v1/fingerprint" || u8 len || kind || public key bytes )
// truncated to 20 bytes (160 bits) and shown as 40 upper-case hex digits in ten groups of four.
// The kind ("device", "generation:<agency>:<n>") separates domains, so one key's fingerprint cannot
// be confused with another role's.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using NSec.Cryptography;

namespace Hub.Client.Keys;

/// <summary>Computes printable fingerprints of device and agency generation keys.</summary>
public static class Fingerprint
{
    /// <summary>Fingerprint of a device's X25519 and Ed25519 public keys together.</summary>
    public static string OfDevice(DevicePublicKeys device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Compute("device", [.. device.RawEncryptionKey, .. device.RawSigningKey]);
    }

    /// <summary>Fingerprint of an agency generation's X25519 public key, bound to its agency and number.</summary>
    public static string OfGeneration(AgencyGenerationKey generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var kind = string.Create(CultureInfo.InvariantCulture, $"generation:{generation.AgencyId}:{generation.Generation}");
        return Compute(kind, generation.PublicKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    private static string Compute(string kind, ReadOnlySpan<byte> key)
    {
        var input = new CanonicalWriter().Label(Labels.Fingerprint).Label(Encoding.ASCII.GetBytes(kind)).Bytes(key).ToArray();
        var hex = Convert.ToHexString(SHA256.HashData(input).AsSpan(0, Labels.FingerprintSize));
        return string.Join(' ', hex.Chunk(4).Select(group => new string(group)));
    }
}

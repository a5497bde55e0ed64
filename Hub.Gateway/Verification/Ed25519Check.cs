using NSec.Cryptography;

namespace Hub.Gateway.Verification;

/// <summary>Ed25519 (RFC 8032) signature check over raw 32-byte public keys, as the key directory stores them.</summary>
internal static class Ed25519Check
{
    public static bool Verifies(byte[]? rawPublicKey, byte[] message, byte[]? signature) =>
        rawPublicKey is { Length: 32 } && signature is { Length: 64 }
        && PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out var key)
        && SignatureAlgorithm.Ed25519.Verify(key!, message, signature);
}

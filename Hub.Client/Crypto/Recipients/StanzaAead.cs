// Wraps and unwraps a 16-byte file key with ChaCha20-Poly1305 (RFC 8439) under a single-use
// 32-byte wrap key and the all-zero 12-byte nonce, as the X25519 and scrypt stanzas do. The
// zero nonce is safe because every wrap key is derived from fresh randomness and used once.
using NSec.Cryptography;

namespace Hub.Client.Crypto.Recipients;

internal static class StanzaAead
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.ChaCha20Poly1305;

    public static byte[] Seal(Key wrapKey, FileKey fileKey) =>
        Aead.Encrypt(wrapKey, new byte[Labels.AeadNonceSize], [], fileKey.Bytes);

    /// <summary>Returns the file key, or null when the body does not authenticate under this key.</summary>
    public static FileKey? Open(Key wrapKey, ReadOnlySpan<byte> body)
    {
        Span<byte> plain = stackalloc byte[Labels.FileKeySize];
        try
        {
            return Aead.Decrypt(wrapKey, new byte[Labels.AeadNonceSize], [], body, plain) ? FileKey.Import(plain) : null;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
        }
    }

    public static KeyCreationParameters Ephemeral => new() { ExportPolicy = KeyExportPolicies.None };
}

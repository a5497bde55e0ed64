// The age v1 payload on its own: 16-byte nonce, payload key = HKDF-SHA-256(ikm = file key,
// salt = nonce, info = "payload") (RFC 5869), ChaCha20-Poly1305 STREAM (RFC 8439) in 64 KiB
// chunks. Use with EnvelopeHeader to seal and re-wrap envelopes piece by piece.
using Hub.Client.Crypto.Streaming;

namespace Hub.Client.Crypto;

/// <summary>
/// Encrypts and decrypts the payload half of an envelope under a <see cref="FileKey"/>, streaming
/// in constant memory. Chunks are processed in parallel on up to <c>workers</c> cores (0 = one per core, at most 8).
/// </summary>
public static class Payload
{
    /// <summary>Encrypts <paramref name="plaintext"/> (read to its end) into <paramref name="output"/>.</summary>
    public static void Encrypt(FileKey fileKey, Stream plaintext, Stream output, int workers = 0)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(output);
        PayloadEncryptor.Encrypt(fileKey, plaintext, output, Workers(workers));
    }

    /// <summary>Encrypts a buffer and returns the payload bytes.</summary>
    public static byte[] Encrypt(FileKey fileKey, ReadOnlySpan<byte> plaintext)
    {
        using var input = new MemoryStream(plaintext.ToArray(), writable: false);
        using var output = new MemoryStream();
        Encrypt(fileKey, input, output);
        return output.ToArray();
    }

    /// <summary>Decrypts a whole payload into <paramref name="output"/>; writes only authenticated plaintext.</summary>
    /// <exception cref="AgeException">Truncated, PayloadTampered or TrailingData.</exception>
    public static void Decrypt(FileKey fileKey, Stream payload, Stream output, int workers = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var plaintext = OpenRead(fileKey, payload, workers);
        plaintext.CopyTo(output);
    }

    /// <summary>
    /// Returns a read-only stream of the plaintext. Each read releases only authenticated chunks;
    /// end of stream (0) is reported only after a valid final chunk, otherwise the read throws
    /// <see cref="AgeException"/> with <see cref="AgeErrorKind.Truncated"/>.
    /// </summary>
    public static Stream OpenRead(FileKey fileKey, Stream payload, int workers = 0)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        ArgumentNullException.ThrowIfNull(payload);
        return new PayloadReadStream(new PayloadDecryptor(fileKey, payload, Workers(workers)), owned: null);
    }

    private static int Workers(int requested)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requested);
        return requested == 0 ? StreamCipher.DefaultWorkers : requested;
    }
}

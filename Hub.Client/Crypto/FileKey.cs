// The 128-bit per-envelope file key (age v1): 16 bytes from the CSPRNG, wrapped once per
// recipient stanza, fed to HKDF-SHA-256 (RFC 5869) for the header MAC key and the payload key.
// Held in a pinned array and zeroed on Dispose.
using System.Security.Cryptography;

namespace Hub.Client.Crypto;

/// <summary>
/// A disposable file key. Obtain one from <see cref="Generate"/> (sealing) or
/// <see cref="Format.EnvelopeHeader.Unwrap"/> (opening); pass it to
/// <see cref="Format.EnvelopeHeader.AddRecipients"/> to re-wrap an envelope for a new participant
/// without touching its payload. Dispose it as soon as possible: the bytes are zeroed.
/// </summary>
public sealed class FileKey : IDisposable
{
    private readonly byte[] _bytes = GC.AllocateArray<byte>(Labels.FileKeySize, pinned: true);
    private bool _disposed;

    private FileKey()
    {
    }

    /// <summary>Creates a fresh random file key.</summary>
    public static FileKey Generate()
    {
        var key = new FileKey();
        RandomNumberGenerator.Fill(key._bytes);
        return key;
    }

    /// <summary>Imports raw file-key bytes (test vectors, unwrapping). The caller zeroes its copy.</summary>
    internal static FileKey Import(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Labels.FileKeySize)
        {
            throw new ArgumentException($"A file key is {Labels.FileKeySize} bytes.", nameof(bytes));
        }

        var key = new FileKey();
        bytes.CopyTo(key._bytes);
        return key;
    }

    /// <summary>The raw key bytes; valid until Dispose.</summary>
    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    /// <summary>Derives a 32-byte key with HKDF-SHA-256(ikm = file key, salt, info) into <paramref name="output"/>.</summary>
    internal void Derive(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Bytes, output, salt, info);

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_bytes);
            _disposed = true;
        }
    }
}

// The age v1 STREAM construction: ChaCha20-Poly1305 (RFC 8439) with a 32-byte payload key and a
// 12-byte nonce = 11-byte big-endian chunk counter || last-chunk flag (0x01 final, 0x00 otherwise).
// 64 KiB plaintext chunks, 16-byte tags. One AEAD instance per worker thread (the BCL type is not
// thread-safe); chunks are independent given their counter, so workers process them in parallel.
using System.Buffers.Binary;
using System.Security.Cryptography;
using ChaChaPoly = System.Security.Cryptography.ChaCha20Poly1305;

namespace Hub.Client.Crypto.Streaming;

internal sealed class StreamCipher : IDisposable
{
    private readonly ChaChaPoly[] _workers;

    public StreamCipher(FileKey fileKey, ReadOnlySpan<byte> payloadNonce, int workers)
    {
        Span<byte> key = stackalloc byte[Labels.DerivedKeySize];
        try
        {
            fileKey.Derive(payloadNonce, Labels.PayloadKey, key);
            _workers = new ChaChaPoly[workers];
            for (var i = 0; i < workers; i++)
            {
                _workers[i] = new ChaChaPoly(key);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public int Workers => _workers.Length;

    /// <summary>Default degree of parallelism: the machine's cores, at most 8.</summary>
    public static int DefaultWorkers => Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>Seals one chunk: <paramref name="output"/> is plaintext length + 16 (ciphertext || tag).</summary>
    public void Seal(int worker, ulong counter, bool last, ReadOnlySpan<byte> plain, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[Labels.AeadNonceSize];
        MakeNonce(nonce, counter, last);
        _workers[worker].Encrypt(nonce, plain, output[..plain.Length], output.Slice(plain.Length, Labels.TagSize));
    }

    /// <summary>Opens one chunk (ciphertext || tag) into <paramref name="plain"/>; false if it does not authenticate.</summary>
    public bool TryOpen(int worker, ulong counter, bool last, ReadOnlySpan<byte> sealedChunk, Span<byte> plain)
    {
        Span<byte> nonce = stackalloc byte[Labels.AeadNonceSize];
        MakeNonce(nonce, counter, last);
        var length = sealedChunk.Length - Labels.TagSize;
        try
        {
            _workers[worker].Decrypt(nonce, sealedChunk[..length], sealedChunk[length..], plain[..length]);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="body"/>(worker, chunk) for chunks 0..count-1, striped over the workers.</summary>
    public void ForEachChunk(int count, Action<int, int> body)
    {
        var workers = Math.Min(_workers.Length, count);
        if (workers <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(0, i);
            }

            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (var i = w; i < count; i += workers)
            {
                body(w, i);
            }
        });
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
    }

    private static void MakeNonce(Span<byte> nonce, ulong counter, bool last)
    {
        nonce.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce.Slice(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }
}

// Decrypts an age v1 payload batch by batch. Plaintext of a batch is released only after every
// chunk in it authenticated. Rules enforced (c2sp.org/age, "Payload"):
//   - the 16-byte nonce and at least one chunk must be present            -> Truncated
//   - only the final chunk may be shorter than 64 KiB + 16                  -> Truncated / PayloadTampered
//   - the final chunk is empty only if it is the only chunk                 -> PayloadTampered
//   - the last chunk read must carry the final flag                         -> Truncated
//   - nothing may follow a chunk with the final flag                        -> TrailingData
using System.Buffers;
using System.Security.Cryptography;

namespace Hub.Client.Crypto.Streaming;

internal sealed class PayloadDecryptor : IDisposable
{
    private readonly Stream _source;
    private readonly StreamCipher _cipher;
    private readonly int _batch;
    private readonly byte[] _sealed;
    private readonly byte[] _plain;
    private ulong _counter;
    private int _carry = -1;
    private bool _done;
    private bool _disposed;

    public PayloadDecryptor(FileKey fileKey, Stream source, int workers)
    {
        _source = source;
        Span<byte> nonce = stackalloc byte[Labels.PayloadNonceSize];
        if (StreamIO.ReadFull(source, nonce) < nonce.Length)
        {
            throw new AgeException(AgeErrorKind.Truncated, "The payload ends before its nonce.");
        }

        _cipher = new StreamCipher(fileKey, nonce, workers);
        _batch = StreamIO.BatchChunks(source, Labels.EncryptedChunkSize);
        _sealed = ArrayPool<byte>.Shared.Rent(_batch * Labels.EncryptedChunkSize);
        _plain = ArrayPool<byte>.Shared.Rent(_batch * Labels.ChunkSize);
    }

    /// <summary>Decrypts the next batch; an empty result means the final chunk was verified.</summary>
    public ReadOnlyMemory<byte> NextBatch()
    {
        if (_done)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var capacity = _batch * Labels.EncryptedChunkSize;
        var filled = 0;
        if (_carry >= 0)
        {
            _sealed[0] = (byte)_carry;
            filled = 1;
        }

        filled += StreamIO.ReadFull(_source, _sealed.AsSpan(filled, capacity - filled));
        var end = filled < capacity || (_carry = _source.ReadByte()) < 0;
        var chunks = end ? (filled + Labels.EncryptedChunkSize - 1) / Labels.EncryptedChunkSize : _batch;
        if (chunks == 0)
        {
            throw new AgeException(AgeErrorKind.Truncated, "The payload has no chunk.");
        }

        var lastLength = filled - ((chunks - 1) * Labels.EncryptedChunkSize);
        if (end && lastLength < Labels.TagSize)
        {
            throw new AgeException(AgeErrorKind.Truncated, "The last chunk is shorter than a tag.");
        }

        if (end && lastLength == Labels.TagSize && (_counter > 0 || chunks > 1))
        {
            throw new AgeException(AgeErrorKind.PayloadTampered, "Empty final chunk after data.");
        }

        var first = _counter;
        var failed = new bool[chunks];
        _cipher.ForEachChunk(chunks, (worker, i) =>
        {
            var start = i * Labels.EncryptedChunkSize;
            var length = Math.Min(Labels.EncryptedChunkSize, filled - start);
            var last = end && i == chunks - 1;
            failed[i] = !_cipher.TryOpen(worker, first + (ulong)i, last, _sealed.AsSpan(start, length), _plain.AsSpan(i * Labels.ChunkSize));
        });

        var bad = Array.IndexOf(failed, true);
        if (bad >= 0)
        {
            CryptographicOperations.ZeroMemory(_plain.AsSpan(0, chunks * Labels.ChunkSize));
            throw Classify(bad, chunks, filled, end);
        }

        _counter += (ulong)chunks;
        _done = end;
        return _plain.AsMemory(0, filled - (chunks * Labels.TagSize));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cipher.Dispose();
        ArrayPool<byte>.Shared.Return(_sealed);
        ArrayPool<byte>.Shared.Return(_plain, clearArray: true);
    }

    // A chunk failed: try it with the other flag to tell truncation and extension from tampering.
    private AgeException Classify(int index, int chunks, int filled, bool end)
    {
        var start = index * Labels.EncryptedChunkSize;
        var length = Math.Min(Labels.EncryptedChunkSize, filled - start);
        var wasLast = end && index == chunks - 1;
        var scratch = new byte[Labels.ChunkSize];
        var otherFlagOpens = _cipher.TryOpen(0, _counter + (ulong)index, !wasLast, _sealed.AsSpan(start, length), scratch);
        CryptographicOperations.ZeroMemory(scratch);
        if (otherFlagOpens)
        {
            return wasLast
                ? new AgeException(AgeErrorKind.Truncated, "The payload ends without a final chunk.")
                : new AgeException(AgeErrorKind.TrailingData, "Data follows the final chunk.");
        }

        return new AgeException(AgeErrorKind.PayloadTampered, $"Payload chunk {_counter + (ulong)index} failed authentication.");
    }
}

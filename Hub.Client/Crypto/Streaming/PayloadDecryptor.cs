// Decrypts an age v1 payload batch by batch. Plaintext of a batch is released only after every
// chunk in it authenticated. Two slots: while the caller consumes one batch, the next one is read
// and opened in the background (its plaintext stays unreleased until the caller asks for it). Rules enforced (c2sp.org/age, "Payload"):
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
    private readonly byte[][] _sealed = new byte[2][];
    private readonly byte[][] _plain = new byte[2][];
    private Task<(int Slot, int Length, bool End)>? _next;
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
        for (var slot = 0; slot < 2; slot++)
        {
            _sealed[slot] = ArrayPool<byte>.Shared.Rent(_batch * Labels.EncryptedChunkSize);
            _plain[slot] = ArrayPool<byte>.Shared.Rent(_batch * Labels.ChunkSize);
        }
    }

    /// <summary>
    /// Returns the next authenticated batch (valid until the following call); an empty result means
    /// the final chunk was verified. Throws <see cref="AgeException"/> on a bad or missing chunk.
    /// </summary>
    public ReadOnlyMemory<byte> NextBatch()
    {
        if (_done)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var next = _next;
        _next = null;
        var (slot, length, end) = next is null ? Open(0) : next.GetAwaiter().GetResult();
        _done = end;
        if (!end)
        {
            _next = Task.Run(() => Open(1 - slot));
        }

        return _plain[slot].AsMemory(0, length);
    }

    // Reads the next batch into `slot` and opens every chunk; throws without releasing anything on failure.
    private (int Slot, int Length, bool End) Open(int slot)
    {
        var sealedBuffer = _sealed[slot];
        var plainBuffer = _plain[slot];
        var capacity = _batch * Labels.EncryptedChunkSize;
        var filled = 0;
        if (_carry >= 0)
        {
            sealedBuffer[0] = (byte)_carry;
            filled = 1;
        }

        filled += StreamIO.ReadFull(_source, sealedBuffer.AsSpan(filled, capacity - filled));
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
            failed[i] = !_cipher.TryOpen(worker, first + (ulong)i, last, sealedBuffer.AsSpan(start, length), plainBuffer.AsSpan(i * Labels.ChunkSize));
        });

        var bad = Array.IndexOf(failed, true);
        if (bad >= 0)
        {
            CryptographicOperations.ZeroMemory(plainBuffer.AsSpan(0, chunks * Labels.ChunkSize));
            throw Classify(sealedBuffer, bad, chunks, filled, end);
        }

        _counter += (ulong)chunks;
        return (slot, filled - (chunks * Labels.TagSize), end);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Wait for a background batch before its buffers go back to the pool.
            _next?.Wait();
        }
        catch (AggregateException)
        {
            // Its failure no longer matters: the caller stopped reading.
        }

        _cipher.Dispose();
        for (var slot = 0; slot < 2; slot++)
        {
            ArrayPool<byte>.Shared.Return(_sealed[slot]);
            ArrayPool<byte>.Shared.Return(_plain[slot], clearArray: true);
        }
    }

    // A chunk failed: try it with the other flag to tell truncation and extension from tampering.
    private AgeException Classify(byte[] sealedBuffer, int index, int chunks, int filled, bool end)
    {
        var start = index * Labels.EncryptedChunkSize;
        var length = Math.Min(Labels.EncryptedChunkSize, filled - start);
        var wasLast = end && index == chunks - 1;
        var scratch = new byte[Labels.ChunkSize];
        var otherFlagOpens = _cipher.TryOpen(0, _counter + (ulong)index, !wasLast, sealedBuffer.AsSpan(start, length), scratch);
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

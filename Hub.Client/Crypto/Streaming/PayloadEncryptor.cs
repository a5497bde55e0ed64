// Encrypts a plaintext stream into an age v1 payload: 16-byte random nonce, then STREAM chunks of
// 64 KiB (+16-byte tag), the last one flagged. An empty plaintext gives one empty final chunk; a
// plaintext that is a non-zero multiple of 64 KiB ends with a full final chunk (never an empty one).
// Constant memory: two slots of at most 32 chunks; while one slot is written out, the next batch
// is read and sealed (chunks in parallel) in the background.
using System.Buffers;
using System.Security.Cryptography;

namespace Hub.Client.Crypto.Streaming;

internal sealed class PayloadEncryptor : IDisposable
{
    private readonly Stream _source;
    private readonly StreamCipher _cipher;
    private readonly int _batch;
    private readonly byte[][] _plain = new byte[2][];
    private readonly byte[][] _sealed = new byte[2][];
    private ulong _counter;
    private int _carry = -1;

    private PayloadEncryptor(FileKey fileKey, byte[] nonce, Stream source, int workers)
    {
        _source = source;
        _cipher = new StreamCipher(fileKey, nonce, workers);
        _batch = StreamIO.BatchChunks(source, Labels.ChunkSize);
        for (var slot = 0; slot < 2; slot++)
        {
            _plain[slot] = ArrayPool<byte>.Shared.Rent(_batch * Labels.ChunkSize);
            _sealed[slot] = ArrayPool<byte>.Shared.Rent(_batch * Labels.EncryptedChunkSize);
        }
    }

    public static void Encrypt(FileKey fileKey, Stream plaintext, Stream output, int workers) =>
        Encrypt(fileKey, RandomNumberGenerator.GetBytes(Labels.PayloadNonceSize), plaintext, output, workers);

    /// <summary>Encrypts under a caller-chosen nonce (deterministic test vectors only).</summary>
    public static void Encrypt(FileKey fileKey, byte[] nonce, Stream plaintext, Stream output, int workers)
    {
        output.Write(nonce);
        using var encryptor = new PayloadEncryptor(fileKey, nonce, plaintext, workers);
        var batch = encryptor.Seal(0);
        while (true)
        {
            var next = batch.End ? null : Task.Run(() => encryptor.Seal(1 - batch.Slot));
            try
            {
                output.Write(encryptor._sealed[batch.Slot], 0, batch.Length);
            }
            catch
            {
                // Never return the buffers to the pool while the background batch still uses them.
                WaitQuietly(next);
                throw;
            }

            if (next is null)
            {
                return;
            }

            batch = next.GetAwaiter().GetResult();
        }
    }

    private static void WaitQuietly(Task? task)
    {
        try
        {
            task?.Wait();
        }
        catch (AggregateException)
        {
            // The write failure being reported matters more.
        }
    }

    public void Dispose()
    {
        _cipher.Dispose();
        for (var slot = 0; slot < 2; slot++)
        {
            ArrayPool<byte>.Shared.Return(_plain[slot], clearArray: true);
            ArrayPool<byte>.Shared.Return(_sealed[slot]);
        }
    }

    // Reads the next batch of plaintext into `slot` and seals it; End marks the final batch.
    private (int Slot, int Length, bool End) Seal(int slot)
    {
        var input = _plain[slot];
        var output = _sealed[slot];
        var capacity = _batch * Labels.ChunkSize;
        var filled = 0;
        if (_carry >= 0)
        {
            input[0] = (byte)_carry;
            filled = 1;
        }

        filled += StreamIO.ReadFull(_source, input.AsSpan(filled, capacity - filled));
        var end = filled < capacity || (_carry = _source.ReadByte()) < 0;
        var chunks = end ? Math.Max(1, (filled + Labels.ChunkSize - 1) / Labels.ChunkSize) : _batch;
        var first = _counter;
        _cipher.ForEachChunk(chunks, (worker, i) =>
        {
            var start = i * Labels.ChunkSize;
            var length = Math.Min(Labels.ChunkSize, filled - start);
            _cipher.Seal(
                worker,
                first + (ulong)i,
                end && i == chunks - 1,
                input.AsSpan(start, length),
                output.AsSpan(i * Labels.EncryptedChunkSize, length + Labels.TagSize));
        });
        _counter += (ulong)chunks;
        return (slot, filled + (chunks * Labels.TagSize), end);
    }
}

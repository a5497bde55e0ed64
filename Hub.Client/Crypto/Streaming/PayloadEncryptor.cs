// Encrypts a plaintext stream into an age v1 payload: 16-byte random nonce, then STREAM chunks of
// 64 KiB (+16-byte tag), the last one flagged. An empty plaintext gives one empty final chunk; a
// plaintext that is a non-zero multiple of 64 KiB ends with a full final chunk (never an empty one).
// Constant memory: two batch buffers of at most 32 chunks, chunks sealed in parallel.
using System.Buffers;
using System.Security.Cryptography;

namespace Hub.Client.Crypto.Streaming;

internal static class PayloadEncryptor
{
    public static void Encrypt(FileKey fileKey, Stream plaintext, Stream output, int workers) =>
        Encrypt(fileKey, RandomNumberGenerator.GetBytes(Labels.PayloadNonceSize), plaintext, output, workers);

    /// <summary>Encrypts under a caller-chosen nonce (deterministic test vectors only).</summary>
    public static void Encrypt(FileKey fileKey, byte[] nonce, Stream plaintext, Stream output, int workers)
    {
        output.Write(nonce);
        using var cipher = new StreamCipher(fileKey, nonce, workers);

        var batch = StreamIO.BatchChunks(plaintext, Labels.ChunkSize);
        var input = ArrayPool<byte>.Shared.Rent(batch * Labels.ChunkSize);
        var sealedBuffer = ArrayPool<byte>.Shared.Rent(batch * Labels.EncryptedChunkSize);
        try
        {
            var capacity = batch * Labels.ChunkSize;
            ulong counter = 0;
            var carry = -1;
            while (true)
            {
                var filled = 0;
                if (carry >= 0)
                {
                    input[0] = (byte)carry;
                    filled = 1;
                }

                filled += StreamIO.ReadFull(plaintext, input.AsSpan(filled, capacity - filled));
                var end = filled < capacity || (carry = plaintext.ReadByte()) < 0;
                var chunks = end ? Math.Max(1, (filled + Labels.ChunkSize - 1) / Labels.ChunkSize) : batch;
                var first = counter;
                cipher.ForEachChunk(chunks, (worker, i) =>
                {
                    var start = i * Labels.ChunkSize;
                    var length = Math.Min(Labels.ChunkSize, filled - start);
                    cipher.Seal(
                        worker,
                        first + (ulong)i,
                        end && i == chunks - 1,
                        input.AsSpan(start, length),
                        sealedBuffer.AsSpan(i * Labels.EncryptedChunkSize, length + Labels.TagSize));
                });
                output.Write(sealedBuffer, 0, filled + (chunks * Labels.TagSize));
                counter += (ulong)chunks;
                if (end)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input, clearArray: true);
            ArrayPool<byte>.Shared.Return(sealedBuffer);
        }
    }
}

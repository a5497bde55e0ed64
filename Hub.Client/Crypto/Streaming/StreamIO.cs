// Small I/O helpers for the STREAM encoder and decoder: fill a buffer completely, and size the
// batch buffers from the input's remaining length when it is known.
namespace Hub.Client.Crypto.Streaming;

internal static class StreamIO
{
    /// <summary>Chunks processed per batch: 32 x 64 KiB = 2 MiB in flight per direction.</summary>
    public const int MaxBatchChunks = 32;

    public static int ReadFull(Stream source, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = source.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>Batch size in chunks: enough for the remaining input when known, else the maximum.</summary>
    public static int BatchChunks(Stream source, int chunkBytes)
    {
        if (!source.CanSeek)
        {
            return MaxBatchChunks;
        }

        var remaining = Math.Max(0, source.Length - source.Position);
        return (int)Math.Clamp((remaining / chunkBytes) + 1, 1, MaxBatchChunks);
    }
}

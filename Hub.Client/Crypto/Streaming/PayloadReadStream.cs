// A read-only Stream over a decrypted age v1 payload. Read returns plaintext only after the
// chunks that carry it authenticated; it returns 0 only once a valid final chunk was seen, and
// throws AgeException(Truncated) if the input ends without one.
namespace Hub.Client.Crypto.Streaming;

internal sealed class PayloadReadStream(PayloadDecryptor decryptor, Stream? owned) : Stream
{
    private ReadOnlyMemory<byte> _pending;
    private bool _finished;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_pending.IsEmpty && !_finished && buffer.Length > 0)
        {
            _pending = decryptor.NextBatch();
            _finished = _pending.IsEmpty;
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending.Span[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override void CopyTo(Stream destination, int bufferSize)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!_pending.IsEmpty)
        {
            destination.Write(_pending.Span);
            _pending = ReadOnlyMemory<byte>.Empty;
        }

        while (!_finished)
        {
            var batch = decryptor.NextBatch();
            _finished = batch.IsEmpty;
            destination.Write(batch.Span);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decryptor.Dispose();
            owned?.Dispose();
        }

        base.Dispose(disposing);
    }
}

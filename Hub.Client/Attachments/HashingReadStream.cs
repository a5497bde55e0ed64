// Read-through SHA-256 (FIPS 180-4) and byte count: the plaintext's digest and size while it is being sealed, in one pass.
// Referrals.VerifyingReadStream builds on it to check a signed digest at end of input.
using System.Security.Cryptography;

namespace Hub.Client.Attachments;

internal class HashingReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public byte[] Digest() => _hash.GetHashAndReset();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read > 0)
        {
            _hash.AppendData(buffer[..read]);
            Count += read;
        }
        else if (buffer.Length > 0)
        {
            OnEndOfInput();
        }

        return read;
    }

    /// <summary>Called when the inner stream reports its end; may throw instead of letting the end through.</summary>
    protected virtual void OnEndOfInput()
    {
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
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}

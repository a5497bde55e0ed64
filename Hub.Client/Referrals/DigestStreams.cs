// Streams that hash what passes through them with SHA-256 (FIPS 180-4, 32 bytes): one while a
// payload is written (sealing), one while a payload is read (opening). The reading one checks the
// digest at end of input and throws instead of reporting the end: the age STREAM decryptor only
// releases the final chunk after it has seen the end of its input, so a payload that does not
// match the signed digest never yields its last chunk, and the plaintext stream never ends cleanly.
using System.Security.Cryptography;
using Hub.Client.Attachments;
using Hub.Client.Crypto;

namespace Hub.Client.Referrals;

/// <summary>Write-through SHA-256.</summary>
internal sealed class HashingWriteStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Bytes written so far.</summary>
    public long Count { get; private set; }

    public byte[] Digest() => _hash.GetHashAndReset();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        inner.Write(buffer);
        Count += buffer.Length;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
        Count += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Read-through SHA-256 that fails at end of input unless the digest matches.</summary>
internal sealed class VerifyingReadStream(Stream inner, byte[] expected) : HashingReadStream(inner)
{
    private bool _verified;

    protected override void OnEndOfInput()
    {
        if (_verified)
        {
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(Digest(), expected))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The payload does not match the signed payload digest.");
        }

        _verified = true;
    }
}

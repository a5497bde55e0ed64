// ASCII armor writer (c2sp.org/age "ASCII armor", RFC 7468 §3 strict): "-----BEGIN AGE ENCRYPTED
// FILE-----", padded standard base64 in lines of exactly 64 columns (the last one 1..64), then
// "-----END AGE ENCRYPTED FILE-----", every line ending in LF. Streams in 48-byte groups.
using System.Buffers.Text;
using System.Text;

namespace Hub.Client.Crypto.Format;

/// <summary>A write-only stream that armors what is written to it; Dispose writes the end line.</summary>
internal sealed class ArmorWriter : Stream
{
    private const int LineBytes = 48;
    private const int GroupLines = 1024;
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly byte[] _pending = new byte[LineBytes * GroupLines];
    private readonly byte[] _text = new byte[(Labels.LineWidth + 1) * GroupLines];
    private int _count;
    private bool _closed;

    public ArmorWriter(Stream inner, bool leaveOpen)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        _inner.Write(Encoding.ASCII.GetBytes(Labels.ArmorBegin + "\n"));
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_closed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, _pending.Length - _count);
            buffer[..take].CopyTo(_pending.AsSpan(_count));
            _count += take;
            buffer = buffer[take..];
            if (_count == _pending.Length)
            {
                // Keep at least one byte back so the final line is never written early.
                WriteLines(_pending.Length - LineBytes);
            }
        }
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            WriteLines(_count);
            _inner.Write(Encoding.ASCII.GetBytes(Labels.ArmorEnd + "\n"));
            _inner.Flush();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    // Encodes the first `bytes` pending bytes as lines of 48 bytes (the last possibly shorter).
    private void WriteLines(int bytes)
    {
        var written = 0;
        var offset = 0;
        while (offset < bytes)
        {
            var take = Math.Min(LineBytes, bytes - offset);
            Base64.EncodeToUtf8(_pending.AsSpan(offset, take), _text.AsSpan(written), out _, out var chars);
            written += chars;
            _text[written++] = (byte)'\n';
            offset += take;
        }

        _inner.Write(_text, 0, written);
        _pending.AsSpan(bytes, _count - bytes).CopyTo(_pending);
        _count -= bytes;
    }
}

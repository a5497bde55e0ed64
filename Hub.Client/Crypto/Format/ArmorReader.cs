// Strict ASCII armor reader (c2sp.org/age "ASCII armor", RFC 7468 §3): optional whitespace, the
// BEGIN line, canonical padded base64 in 64-column lines with only the last one shorter (or
// padded), the END line, then nothing but whitespace. LF or CRLF line endings. Anything else
// fails with MalformedArmor, NonCanonicalEncoding or Truncated.
using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Hub.Client.Crypto.Format;

/// <summary>A read-only stream that removes the armor from the underlying stream.</summary>
internal sealed class ArmorReader(Stream inner) : Stream
{
    private const int MaxLine = 128;
    private static readonly byte[] Begin = Encoding.ASCII.GetBytes(Labels.ArmorBegin);
    private static readonly byte[] End = Encoding.ASCII.GetBytes(Labels.ArmorEnd);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly byte[] _decoded = new byte[48];
    private int _start;
    private int _end;
    private int _decodedStart;
    private int _decodedEnd;
    private int _state; // 0 = before BEGIN, 1 = data, 2 = data after a final line, 3 = done
    private int _lines;

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
        var total = 0;
        while (total < buffer.Length)
        {
            if (_decodedStart == _decodedEnd && !NextLine())
            {
                break;
            }

            var take = Math.Min(buffer.Length - total, _decodedEnd - _decodedStart);
            _decoded.AsSpan(_decodedStart, take).CopyTo(buffer[total..]);
            _decodedStart += take;
            total += take;
        }

        return total;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // Decodes the next data line into _decoded; false once the END line and trailing whitespace were checked.
    private bool NextLine()
    {
        if (_state == 3)
        {
            return false;
        }

        if (_state == 0)
        {
            SkipWhitespace();
            if (!ReadLine().SequenceEqual(Begin))
            {
                throw Malformed("Missing armor BEGIN line.");
            }

            _state = 1;
        }

        var line = ReadLine();
        if (line.SequenceEqual(End))
        {
            if (_lines == 0)
            {
                throw Malformed("Empty armor.");
            }

            SkipWhitespace();
            if (_start < _end || Fill() > 0)
            {
                throw Malformed("Data after the armor END line.");
            }

            _state = 3;
            return false;
        }

        if (_state == 2 || line.Length == 0 || line.Length > Labels.LineWidth || line.Length % 4 != 0)
        {
            throw Malformed("Malformed armor line.");
        }

        if (Base64.DecodeFromUtf8(line, _decoded, out _, out var written) != OperationStatus.Done)
        {
            throw new AgeException(AgeErrorKind.NonCanonicalEncoding, "Invalid base64 in armor.");
        }

        Span<byte> check = stackalloc byte[Labels.LineWidth];
        Base64.EncodeToUtf8(_decoded.AsSpan(0, written), check, out _, out var chars);
        if (!check[..chars].SequenceEqual(line))
        {
            throw new AgeException(AgeErrorKind.NonCanonicalEncoding, "Non-canonical base64 in armor.");
        }

        if (line.Length < Labels.LineWidth || line[^1] == (byte)'=')
        {
            _state = 2;
        }

        _lines++;
        _decodedStart = 0;
        _decodedEnd = written;
        return true;
    }

    private ReadOnlySpan<byte> ReadLine()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsSpan(_start, newline);
                _start += newline + 1;
                return line.EndsWith("\r"u8) ? line[..^1] : line;
            }

            if (_end - _start > MaxLine)
            {
                throw Malformed("Armor line too long.");
            }

            if (Fill() == 0)
            {
                throw new AgeException(AgeErrorKind.Truncated, "The armor ends without an END line.");
            }
        }
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            while (_start < _end && _buffer[_start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                _start++;
            }

            if (_start < _end || Fill() == 0)
            {
                return;
            }
        }
    }

    // Reads more input after the unconsumed bytes; returns the number of bytes read (0 at end of input).
    private int Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var read = inner.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read;
    }

    private static AgeException Malformed(string message) => new(AgeErrorKind.MalformedArmor, message);
}

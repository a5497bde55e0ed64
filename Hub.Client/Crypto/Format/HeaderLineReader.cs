// Reads the LF-terminated lines of an age v1 header from a stream, one byte at a time, so that
// the stream is left positioned exactly at the first payload byte. Keeps the raw header bytes
// for the header MAC. Caps line and header sizes (Labels.MaxHeaderLine / MaxHeaderSize).
namespace Hub.Client.Crypto.Format;

internal sealed class HeaderLineReader(Stream source) : IDisposable
{
    private readonly MemoryStream _raw = new();

    /// <summary>All bytes read so far, line feeds included.</summary>
    public MemoryStream Raw => _raw;

    public void Dispose() => _raw.Dispose();

    /// <summary>Reads one line without its LF; throws Truncated at end of input.</summary>
    public byte[] ReadLine()
    {
        var start = _raw.Length;
        while (true)
        {
            var b = source.ReadByte();
            if (b < 0)
            {
                throw new AgeException(AgeErrorKind.Truncated, "The header ended unexpectedly.");
            }

            if (b == '\n')
            {
                var line = _raw.GetBuffer().AsSpan((int)start, (int)(_raw.Length - start)).ToArray();
                _raw.WriteByte((byte)b);
                return line;
            }

            if (b is < 0x20 or > 0x7E)
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "The header contains a non-printable byte.");
            }

            _raw.WriteByte((byte)b);
            if (_raw.Length - start > Labels.MaxHeaderLine || _raw.Length > Labels.MaxHeaderSize)
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "The header is too large.");
            }
        }
    }
}

// The Hub's canonical binary encoding for signed statements and key records. Every field has one
// encoding, written in a fixed order, so equal values give equal bytes and a signature commits to
// exactly one meaning:
//   label     u8 length || ASCII bytes (the versioned domain label, first field of every record)
//   bytes[N]  N raw bytes (digests, keys, signatures: sizes fixed by the record type)
//   string    u16 big-endian byte length || UTF-8 bytes (identifiers and handling codes are ASCII)
//   u16/u32   big-endian unsigned integers (list counts, generation numbers)
//   i64       big-endian two's complement (times: Unix milliseconds, UTC)
//   guid      16 bytes in RFC 9562 (big-endian) field order
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Hub.Client.Crypto.Format;

/// <summary>Writes the canonical binary encoding (see the file comment).</summary>
internal sealed class CanonicalWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public CanonicalWriter Label(ReadOnlySpan<byte> label)
    {
        Byte(checked((byte)label.Length));
        _buffer.Write(label);
        return this;
    }

    public CanonicalWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    public CanonicalWriter String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        UInt16(checked((ushort)bytes.Length));
        _buffer.Write(bytes);
        return this;
    }

    public CanonicalWriter UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    public CanonicalWriter UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public CanonicalWriter Time(DateTimeOffset value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value.ToUnixTimeMilliseconds());
        _buffer.Advance(8);
        return this;
    }

    public CanonicalWriter Guid(Guid value)
    {
        if (!value.TryWriteBytes(_buffer.GetSpan(16), bigEndian: true, out _))
        {
            throw new InvalidOperationException("A Guid is 16 bytes.");
        }

        _buffer.Advance(16);
        return this;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Zeroes the buffer (use after writing secret key material).</summary>
    public void Clear() => _buffer.Clear();

    private void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }
}

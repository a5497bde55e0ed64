// Reads the canonical binary encoding written by CanonicalWriter. Any deviation (wrong label,
// short input, invalid UTF-8, trailing bytes) throws AgeException(MalformedStatement): there is
// exactly one accepted encoding per value.
using System.Buffers.Binary;
using System.Text;

namespace Hub.Client.Crypto.Format;

/// <summary>Reads the canonical binary encoding; every failure is <see cref="AgeErrorKind.MalformedStatement"/>.</summary>
internal ref struct CanonicalReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private ReadOnlySpan<byte> _rest;

    public CanonicalReader(ReadOnlySpan<byte> input, int maxSize)
    {
        if (input.Length > maxSize)
        {
            throw Malformed("The record is too large.");
        }

        _rest = input;
    }

    /// <summary>Consumes the label and fails unless it is exactly <paramref name="expected"/>.</summary>
    public void Label(ReadOnlySpan<byte> expected)
    {
        var length = Take(1)[0];
        if (!Take(length).SequenceEqual(expected))
        {
            throw Malformed("Unexpected record label or version.");
        }
    }

    /// <summary>Consumes the label and returns it, for records whose label names one of several versions.</summary>
    public ReadOnlySpan<byte> AnyLabel() => Take(Take(1)[0]);

    public byte[] Bytes(int count) => Take(count).ToArray();

    public string String()
    {
        var bytes = Take(UInt16());
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new AgeException(AgeErrorKind.MalformedStatement, "Invalid UTF-8 in a record.", e);
        }
    }

    public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public DateTimeOffset Time()
    {
        var milliseconds = BinaryPrimitives.ReadInt64BigEndian(Take(8));
        if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw Malformed("Time out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public Guid Guid() => new(Take(16), bigEndian: true);

    /// <summary>Fails if bytes remain.</summary>
    public readonly void End()
    {
        if (!_rest.IsEmpty)
        {
            throw Malformed("Bytes follow the record.");
        }
    }

    public static AgeException Malformed(string message) => new(AgeErrorKind.MalformedStatement, message);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_rest.Length < count)
        {
            throw Malformed("The record is truncated.");
        }

        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }
}

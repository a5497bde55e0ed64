// LogEntryEncoding: the canonical byte encoding of a journal entry, the input of its leaf hash.
//
//   label            "referral-hub/v1/log-entry\n"      26 bytes, fixed (format version + domain)
//   stream id        u16 length || UTF-8 bytes          1..65535 bytes
//   version          u64                                0..2^63-1
//   type             u16 length || UTF-8 bytes          1..65535 bytes
//   recorded at      i64 Unix milliseconds (UTC)
//   payload          u32 length || bytes                0..2^31-1 bytes
//
// All integers are big-endian. Every variable field is length-prefixed and nothing may follow the
// payload, so one byte string decodes to exactly one entry: two different entries can never share
// a leaf hash. A new format gets a new label (…/v2/…), never a reinterpretation of this one.
using System.Buffers.Binary;
using System.Text;
using Hub.Transparency.Merkle;

namespace Hub.Transparency.Entries;

/// <summary>Canonical, versioned encoding of <see cref="LogEntry"/> values and their leaf hashes.</summary>
public static class LogEntryEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The fixed label every v1 encoding starts with.</summary>
    public static ReadOnlySpan<byte> Label => "referral-hub/v1/log-entry\n"u8;

    /// <summary>Returns the canonical encoding of <paramref name="entry"/>.</summary>
    public static byte[] Encode(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Encode(entry.StreamId, entry.Version, entry.Type, entry.RecordedAtUnixMs, entry.Payload.Span);
    }

    /// <summary>Returns the canonical encoding of an entry given field by field, without building a <see cref="LogEntry"/>.</summary>
    /// <exception cref="ArgumentException">A field is empty, negative or too long to encode.</exception>
    public static byte[] Encode(string streamId, long version, string type, long recordedAtUnixMs, ReadOnlySpan<byte> payload)
    {
        Validate(streamId, version, type, payload.Length);
        int streamIdLength = StrictUtf8.GetByteCount(streamId);
        int typeLength = StrictUtf8.GetByteCount(type);
        var buffer = new byte[checked(Label.Length + 2 + streamIdLength + 8 + 2 + typeLength + 8 + 4 + payload.Length)];

        var rest = buffer.AsSpan();
        Label.CopyTo(rest);
        rest = rest[Label.Length..];
        BinaryPrimitives.WriteUInt16BigEndian(rest, (ushort)streamIdLength);
        rest = rest[(2 + StrictUtf8.GetBytes(streamId, rest[2..]))..];
        BinaryPrimitives.WriteInt64BigEndian(rest, version);
        rest = rest[8..];
        BinaryPrimitives.WriteUInt16BigEndian(rest, (ushort)typeLength);
        rest = rest[(2 + StrictUtf8.GetBytes(type, rest[2..]))..];
        BinaryPrimitives.WriteInt64BigEndian(rest, recordedAtUnixMs);
        rest = rest[8..];
        BinaryPrimitives.WriteUInt32BigEndian(rest, (uint)payload.Length);
        payload.CopyTo(rest[4..]);
        return buffer;
    }

    /// <summary>Returns the Merkle leaf hash of <paramref name="entry"/>: <c>SHA-256(0x00 || Encode(entry))</c>.</summary>
    public static byte[] ComputeLeafHash(LogEntry entry) => MerkleHash.HashLeaf(Encode(entry));

    /// <summary>Decodes a canonical encoding; rejects any other byte string.</summary>
    /// <returns><see langword="false"/> for a wrong label, bad lengths, invalid UTF-8, out-of-range values or trailing bytes.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LogEntry? entry)
    {
        entry = null;
        if (!encoded.StartsWith(Label))
        {
            return false;
        }
        var rest = encoded[Label.Length..];
        if (!TryReadString(ref rest, out var streamId) || rest.Length < 8)
        {
            return false;
        }
        long version = BinaryPrimitives.ReadInt64BigEndian(rest);
        rest = rest[8..];
        if (version < 0 || !TryReadString(ref rest, out var type) || rest.Length < 12)
        {
            return false;
        }
        long recordedAt = BinaryPrimitives.ReadInt64BigEndian(rest);
        uint payloadLength = BinaryPrimitives.ReadUInt32BigEndian(rest[8..]);
        rest = rest[12..];
        if (payloadLength != (uint)rest.Length || payloadLength > int.MaxValue)
        {
            return false; // short payload, or bytes after it
        }
        entry = new LogEntry(streamId, version, type, recordedAt, rest);
        return true;
    }

    internal static void Validate(string streamId, long version, string type, int payloadLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        if (!IsEncodable(streamId) || !IsEncodable(type))
        {
            throw new ArgumentException("Stream id and type must be valid UTF-16 and at most 65535 UTF-8 bytes.");
        }
    }

    private static bool IsEncodable(string value)
    {
        try
        {
            return StrictUtf8.GetByteCount(value) <= ushort.MaxValue;
        }
        catch (EncoderFallbackException)
        {
            return false; // lone surrogate
        }
    }

    private static bool TryReadString(ref ReadOnlySpan<byte> rest, out string value)
    {
        value = "";
        if (rest.Length < 2)
        {
            return false;
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(rest);
        if (length == 0 || rest.Length < 2 + length)
        {
            return false;
        }
        try
        {
            value = StrictUtf8.GetString(rest.Slice(2, length));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        rest = rest[(2 + length)..];
        return true;
    }
}

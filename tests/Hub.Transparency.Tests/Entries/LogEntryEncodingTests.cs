using System.Security.Cryptography;
using System.Text;
using Hub.Transparency.Entries;

namespace Hub.Transparency.Tests.Entries;

public sealed class LogEntryEncodingTests
{
    private static readonly LogEntry Sample = new("case/7d1e", 3, "ReferralSubmitted", 1_700_000_000_123, [0xde, 0xad, 0xbe, 0xef]);

    // Written out by hand from the documented layout, independently of the encoder.
    private static readonly byte[] SampleEncoding =
    [
        .. "referral-hub/v1/log-entry\n"u8,
        0x00, 0x09, .. "case/7d1e"u8,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
        0x00, 0x11, .. "ReferralSubmitted"u8,
        0x00, 0x00, 0x01, 0x8b, 0xcf, 0xe5, 0x68, 0x7b,
        0x00, 0x00, 0x00, 0x04, 0xde, 0xad, 0xbe, 0xef,
    ];

    [Fact]
    public void EncodingMatchesTheDocumentedLayout() => Assert.Equal(SampleEncoding, LogEntryEncoding.Encode(Sample));

    [Fact]
    public void LeafHashIsSha256OfZeroPrefixAndEncoding() =>
        Assert.Equal(SHA256.HashData([0x00, .. SampleEncoding]), LogEntryEncoding.ComputeLeafHash(Sample));

    [Fact]
    public void DecodeRoundTrips()
    {
        Assert.True(LogEntryEncoding.TryDecode(SampleEncoding, out var decoded));
        Assert.Equal(Sample.StreamId, decoded.StreamId);
        Assert.Equal(Sample.Version, decoded.Version);
        Assert.Equal(Sample.Type, decoded.Type);
        Assert.Equal(Sample.RecordedAtUnixMs, decoded.RecordedAtUnixMs);
        Assert.Equal(Sample.Payload.ToArray(), decoded.Payload.ToArray());

        var unicode = new LogEntry("case/é✓", 0, "Typ", -5, []);
        Assert.True(LogEntryEncoding.TryDecode(LogEntryEncoding.Encode(unicode), out var decodedUnicode));
        Assert.Equal("case/é✓", decodedUnicode.StreamId);
        Assert.Equal(-5, decodedUnicode.RecordedAtUnixMs);
        Assert.True(decodedUnicode.Payload.IsEmpty);
    }

    [Fact]
    public void EveryTruncationAndAnyTrailingByteIsRejected()
    {
        for (int length = 0; length < SampleEncoding.Length; length++)
        {
            Assert.False(LogEntryEncoding.TryDecode(SampleEncoding.AsSpan(0, length), out _));
        }
        Assert.False(LogEntryEncoding.TryDecode([.. SampleEncoding, 0x00], out _));
    }

    [Fact]
    public void AlteredFieldsAreRejectedOrDecodeDifferently()
    {
        Assert.False(LogEntryEncoding.TryDecode(Mutate(0, (byte)'R'), out _));        // label
        Assert.False(LogEntryEncoding.TryDecode(Mutate(26, 0x01), out _));            // stream id length past the end
        Assert.False(LogEntryEncoding.TryDecode(Mutate(27, 0x00), out _));            // zero-length stream id
        Assert.False(LogEntryEncoding.TryDecode(Mutate(28, 0xff), out _));            // invalid UTF-8 in stream id
        Assert.False(LogEntryEncoding.TryDecode(Mutate(37, 0x80), out _));            // negative version
        Assert.False(LogEntryEncoding.TryDecode(Mutate(SampleEncoding.Length - 5, 0x05), out _)); // payload length too long
        Assert.False(LogEntryEncoding.TryDecode(Mutate(SampleEncoding.Length - 5, 0x03), out _)); // payload length too short

        // A one-byte change inside a field still decodes, but to a different entry and a different leaf.
        Assert.True(LogEntryEncoding.TryDecode(Mutate(SampleEncoding.Length - 1, 0x00), out var other));
        Assert.NotEqual(LogEntryEncoding.ComputeLeafHash(Sample), LogEntryEncoding.ComputeLeafHash(other));
    }

    [Fact]
    public void FieldBoundariesCannotBeShifted()
    {
        // Moving a character between stream id and type must not produce the same bytes.
        var a = LogEntryEncoding.Encode("case/ab", 1, "cType", 0, []);
        var b = LogEntryEncoding.Encode("case/a", 1, "bcType", 0, []);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void MisuseThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new LogEntry("", 0, "T", 0, []));
        Assert.Throws<ArgumentException>(() => new LogEntry("s", 0, "", 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogEntry("s", -1, "T", 0, []));
        Assert.Throws<ArgumentException>(() => new LogEntry("s\ud800", 0, "T", 0, []));
        Assert.Throws<ArgumentException>(() => new LogEntry(new string('x', 65_536), 0, "T", 0, []));
        Assert.Throws<ArgumentNullException>(() => LogEntryEncoding.Encode(null!));
        Assert.Equal(65_535, Encoding.UTF8.GetByteCount(new LogEntry(new string('x', 65_535), 0, "T", 0, []).StreamId));
    }

    private static byte[] Mutate(int index, byte value)
    {
        var copy = SampleEncoding.ToArray();
        copy[index] = value;
        return copy;
    }
}

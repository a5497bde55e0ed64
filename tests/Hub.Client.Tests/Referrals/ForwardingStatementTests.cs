using System.Buffers.Binary;
using System.Text;
using Hub.Client.Crypto;
using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

/// <summary>
/// The forwarding statement's two versions, checked against encodings built byte by byte here (independently of
/// CanonicalWriter): version 1 unchanged for forwards without attachments, version 2 only with them, one form each.
/// </summary>
public sealed class ForwardingStatementTests
{
    private static readonly byte[] Original = Enumerable.Repeat((byte)0x11, 32).ToArray();
    private static readonly byte[] Header = Enumerable.Repeat((byte)0x22, 32).ToArray();
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_740_000_000_123);
    private static readonly Guid Low = new("00000000-0000-0000-0000-0000000000ff");
    private static readonly Guid High = new("ff000000-0000-0000-0000-000000000000");

    [Fact]
    public void WithoutAttachmentsTheStatementIsVersionOneByteForByte()
    {
        var statement = new ForwardingStatement(Original, Header, "nl-police", 3, "eu-liaison", "laptop-1", At);

        Assert.Equal(Expected("referral-hub/v1/forwarding-statement", []), statement.Encode());
        Assert.Empty(ForwardingStatement.Parse(statement.Encode()).Attachments);
    }

    [Fact]
    public void WithAttachmentsTheStatementIsVersionTwoAndRoundTrips()
    {
        // The statement lists ids in the order of their RFC 9562 bytes: Low (00…ff) before High (ff…00).
        var digests = new[] { new AttachmentHeaderDigest(Low, Fill(0x33)), new AttachmentHeaderDigest(High, Fill(0x44)) };
        var statement = new ForwardingStatement(Original, Header, "nl-police", 3, "eu-liaison", "laptop-1", At, digests);

        var encoded = statement.Encode();
        var parsed = ForwardingStatement.Parse(encoded);

        Assert.Equal(Expected("referral-hub/v2/forwarding-statement", [(Low, 0x33), (High, 0x44)]), encoded);
        Assert.Equal([Low, High], parsed.Attachments.Select(a => a.AttachmentId));
        Assert.Equal(Fill(0x44), parsed.Attachments[1].HeaderDigest);
        Assert.Equal(encoded, parsed.Encode());
    }

    [Fact]
    public void NonCanonicalVersionTwoEncodingsAreRefused()
    {
        var cases = new Dictionary<string, byte[]>
        {
            ["no attachments under the v2 label"] = Expected("referral-hub/v2/forwarding-statement", []).Concat(new byte[2]).ToArray(),
            ["attachments out of order"] = Expected("referral-hub/v2/forwarding-statement", [(High, 0x44), (Low, 0x33)]),
            ["the same attachment twice"] = Expected("referral-hub/v2/forwarding-statement", [(Low, 0x33), (Low, 0x44)]),
            ["the empty attachment id"] = Expected("referral-hub/v2/forwarding-statement", [(Guid.Empty, 0x33)]),
            ["a v1 label followed by an attachment list"] = Expected("referral-hub/v1/forwarding-statement", [(Low, 0x33)]),
            ["an unknown version"] = Expected("referral-hub/v3/forwarding-statement", [(Low, 0x33)]),
            ["a truncated list"] = Expected("referral-hub/v2/forwarding-statement", [(Low, 0x33)])[..^1],
        };

        foreach (var (name, bytes) in cases)
        {
            var failure = Assert.Throws<AgeException>(() => ForwardingStatement.Parse(bytes));
            Assert.True(failure.Kind == AgeErrorKind.MalformedStatement, name);
        }
    }

    [Fact]
    public void AttachmentsOutOfOrderAreMisuse() =>
        Assert.Throws<ArgumentException>(() => new ForwardingStatement(
            Original, Header, "nl-police", 3, "eu-liaison", "laptop-1", At, [new AttachmentHeaderDigest(High, Fill(1)), new AttachmentHeaderDigest(Low, Fill(2))]));

    private static byte[] Fill(byte value) => Enumerable.Repeat(value, 32).ToArray();

    // label, digests, strings, generation, time, then (only when listed) u16 count and (guid, digest) pairs.
    private static byte[] Expected(string label, (Guid Id, byte Fill)[] attachments)
    {
        var bytes = new List<byte> { (byte)label.Length };
        bytes.AddRange(Encoding.ASCII.GetBytes(label));
        bytes.AddRange(Original);
        bytes.AddRange(Header);
        foreach (var (text, generation) in new[] { ("nl-police", (uint?)3), ("eu-liaison", null), ("laptop-1", null) })
        {
            bytes.Add(0);
            bytes.Add((byte)text.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(text));
            if (generation is { } g)
            {
                var number = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(number, g);
                bytes.AddRange(number);
            }
        }

        var time = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, At.ToUnixTimeMilliseconds());
        bytes.AddRange(time);
        if (attachments.Length > 0)
        {
            bytes.Add(0);
            bytes.Add((byte)attachments.Length);
            foreach (var (id, fill) in attachments)
            {
                bytes.AddRange(id.ToByteArray(bigEndian: true));
                bytes.AddRange(Fill(fill));
            }
        }

        return [.. bytes];
    }
}

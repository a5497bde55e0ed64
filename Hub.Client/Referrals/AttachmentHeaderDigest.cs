// One entry of a version-2 forwarding statement: an attachment of the forwarded message and the SHA-256 of the age
// header the forwarder made for the added agency (the attachment's stanzas plus the added agency's, same file key).
using Hub.Client.Crypto;

namespace Hub.Client.Referrals;

/// <summary>"For attachment <c>AttachmentId</c>, the added agency's key header has this SHA-256."</summary>
public sealed record AttachmentHeaderDigest
{
    /// <exception cref="ArgumentException">The id is empty or the digest has the wrong size.</exception>
    public AttachmentHeaderDigest(Guid attachmentId, byte[] headerDigest)
    {
        ArgumentNullException.ThrowIfNull(headerDigest);
        if (attachmentId == Guid.Empty)
        {
            throw new ArgumentException("An attachment id is never the empty id.", nameof(attachmentId));
        }

        if (headerDigest.Length != Labels.DigestSize)
        {
            throw new ArgumentException($"Digests are {Labels.DigestSize} bytes.", nameof(headerDigest));
        }

        AttachmentId = attachmentId;
        HeaderDigest = [.. headerDigest];
    }

    /// <summary>The attachment's id on the hub (as the message's signed content names it).</summary>
    public Guid AttachmentId { get; }

    /// <summary>SHA-256 of the re-wrapped attachment header.</summary>
    public IReadOnlyList<byte> HeaderDigest { get; }

    /// <summary>Orders attachment ids by their 16-byte RFC 9562 encoding, the order the statement lists them in.</summary>
    public static int CompareIds(Guid left, Guid right)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        left.TryWriteBytes(a, bigEndian: true, out _);
        right.TryWriteBytes(b, bigEndian: true, out _);
        return a.SequenceCompareTo(b);
    }
}

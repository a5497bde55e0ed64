// The statement a forwarding device signs (Ed25519, RFC 8032) when it re-wraps a referral's file
// key for an added agency. Canonical encoding (Crypto/Format/CanonicalWriter), in this order:
//   label "referral-hub/v1/forwarding-statement"       (no attachments re-wrapped)
//      or "referral-hub/v2/forwarding-statement"       (one or more attachments re-wrapped)
//   | bytes[32] SHA-256 of the original encoded ReferralStatement
//   | bytes[32] SHA-256 of the new age header (original stanzas + the added agency's stanza)
//   | string added agency | u32 added generation
//   | string forwarder agency | string forwarder device | i64 forwarded at (Unix ms)
//   v2 only: | u16 n (1..100), n x (guid attachment id, bytes[32] SHA-256 of its re-wrapped header)
//              in increasing order of the 16-byte id encoding, distinct
// The payload is untouched, so the original statement's payload digest still covers it; attachments keep their sealed
// files too, and the referral's signed content still names each one's sealed SHA-256. A v1 statement is exactly the
// v2 fields without the list, so statements signed before attachments were re-wrapped keep verifying, and a forward
// without attachments is still written as v1 (one encoding per meaning).
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Keys;

namespace Hub.Client.Referrals;

/// <summary>"Device <c>ForwarderDeviceId</c> of <c>ForwarderAgencyId</c> gave <c>AddedAgencyId</c> access to this referral (and these attachments)."</summary>
public sealed record ForwardingStatement
{
    /// <exception cref="ArgumentException">A digest has the wrong size, an identifier is invalid, or the attachments are not distinct in canonical order.</exception>
    public ForwardingStatement(
        byte[] originalStatementDigest, byte[] headerDigest, string addedAgencyId, uint addedGeneration,
        string forwarderAgencyId, string forwarderDeviceId, DateTimeOffset forwardedAt, IReadOnlyList<AttachmentHeaderDigest>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(originalStatementDigest);
        ArgumentNullException.ThrowIfNull(headerDigest);
        if (originalStatementDigest.Length != Labels.DigestSize || headerDigest.Length != Labels.DigestSize)
        {
            throw new ArgumentException($"Digests are {Labels.DigestSize} bytes.", nameof(headerDigest));
        }

        attachments ??= [];
        if (attachments.Count > ContentLimits.MaxAttachments || attachments.Any(a => a is null)
            || !attachments.Zip(attachments.Skip(1)).All(p => AttachmentHeaderDigest.CompareIds(p.First.AttachmentId, p.Second.AttachmentId) < 0))
        {
            throw new ArgumentException(
                $"At most {ContentLimits.MaxAttachments} attachments, distinct and in increasing order of their id's RFC 9562 bytes.", nameof(attachments));
        }

        OriginalStatementDigest = [.. originalStatementDigest];
        HeaderDigest = [.. headerDigest];
        AddedAgencyId = Identifier.Require(addedAgencyId, nameof(addedAgencyId));
        AddedGeneration = addedGeneration;
        ForwarderAgencyId = Identifier.Require(forwarderAgencyId, nameof(forwarderAgencyId));
        ForwarderDeviceId = Identifier.Require(forwarderDeviceId, nameof(forwarderDeviceId));
        ForwardedAt = DateTimeOffset.FromUnixTimeMilliseconds(forwardedAt.ToUnixTimeMilliseconds());
        Attachments = [.. attachments];
    }

    /// <summary>SHA-256 of the original encoded referral statement.</summary>
    public IReadOnlyList<byte> OriginalStatementDigest { get; }

    /// <summary>SHA-256 of the re-wrapped header.</summary>
    public IReadOnlyList<byte> HeaderDigest { get; }

    /// <summary>The agency given access.</summary>
    public string AddedAgencyId { get; }

    /// <summary>The added agency's generation the new stanza is wrapped to.</summary>
    public uint AddedGeneration { get; }

    /// <summary>The forwarding agency (an original recipient).</summary>
    public string ForwarderAgencyId { get; }

    /// <summary>The forwarding device.</summary>
    public string ForwarderDeviceId { get; }

    /// <summary>Forwarding time, UTC, millisecond precision.</summary>
    public DateTimeOffset ForwardedAt { get; }

    /// <summary>
    /// The attachments re-wrapped for the added agency with this forward (same generation), each with the digest of its
    /// new header; empty for a forward without attachments and for every version-1 statement.
    /// </summary>
    public IReadOnlyList<AttachmentHeaderDigest> Attachments { get; }

    /// <summary>The canonical encoding that is signed (version 2 exactly when attachments were re-wrapped).</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter().Label(Attachments.Count == 0 ? Labels.ForwardingStatement : Labels.ForwardingStatementV2)
            .Bytes([.. OriginalStatementDigest]).Bytes([.. HeaderDigest])
            .String(AddedAgencyId).UInt32(AddedGeneration).String(ForwarderAgencyId).String(ForwarderDeviceId)
            .Time(ForwardedAt);
        if (Attachments.Count > 0)
        {
            writer.UInt16(checked((ushort)Attachments.Count));
            foreach (var attachment in Attachments)
            {
                writer.Guid(attachment.AttachmentId).Bytes([.. attachment.HeaderDigest]);
            }
        }

        return writer.ToArray();
    }

    /// <summary>Signs the statement with the forwarding device's key.</summary>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is not the <see cref="ForwarderDeviceId"/> device.</exception>
    public SignedStatement Sign(DeviceKey signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.DeviceId != ForwarderDeviceId)
        {
            throw new ArgumentException("The signer must be the forwarding device.", nameof(signer));
        }

        return SignedStatement.Create(Encode(), signer);
    }

    /// <summary>Parses either version's canonical encoding.</summary>
    /// <exception cref="AgeException">MalformedStatement.</exception>
    public static ForwardingStatement Parse(ReadOnlySpan<byte> statement)
    {
        var reader = new CanonicalReader(statement, Labels.MaxStatementSize);
        var label = reader.AnyLabel();
        var version2 = label.SequenceEqual(Labels.ForwardingStatementV2);
        if (!version2 && !label.SequenceEqual(Labels.ForwardingStatement))
        {
            throw CanonicalReader.Malformed("Unexpected record label or version.");
        }

        var original = reader.Bytes(Labels.DigestSize);
        var header = reader.Bytes(Labels.DigestSize);
        var added = Identifier.Check(reader.String());
        var generation = reader.UInt32();
        var agency = Identifier.Check(reader.String());
        var device = Identifier.Check(reader.String());
        var at = reader.Time();
        var attachments = new List<AttachmentHeaderDigest>();
        if (version2)
        {
            var count = reader.UInt16();
            if (count is 0 or > ContentLimits.MaxAttachments)
            {
                throw CanonicalReader.Malformed($"A version-2 forwarding statement lists 1 to {ContentLimits.MaxAttachments} attachments.");
            }

            for (var i = 0; i < count; i++)
            {
                var id = reader.Guid();
                var digest = reader.Bytes(Labels.DigestSize);
                attachments.Add(id == Guid.Empty ? throw CanonicalReader.Malformed("An attachment id is never the empty id.") : new AttachmentHeaderDigest(id, digest));
            }
        }

        reader.End();
        try
        {
            return new ForwardingStatement(original, header, added, generation, agency, device, at, attachments);
        }
        catch (ArgumentException e)
        {
            throw new AgeException(AgeErrorKind.MalformedStatement, "The forwarding statement is not canonical.", e);
        }
    }
}

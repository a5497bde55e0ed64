// The statement a sender device signs (Ed25519, RFC 8032) for every sealed referral. Canonical
// encoding (Crypto/Format/CanonicalWriter), fields in this fixed order:
//   label   "referral-hub/v1/referral-statement"   (u8 length || ASCII; names the format version)
//   bytes[32] SHA-256 of the age header   | bytes[32] SHA-256 of the age payload
//   guid case id | guid message id         (16 bytes each, RFC 9562 byte order)
//   string sender agency | string sender device
//   u16 n, then n x (string agency, u32 generation)   recipients, ordinal by agency, distinct,
//                                                     including the sender's own agency
//   u16 m, then m x string handling code              the canonical set of HandlingCodes
//   i64 created at                                    Unix milliseconds, UTC
// Parse rejects anything Encode would not produce (order, duplicates, sizes, trailing bytes).
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;

namespace Hub.Client.Referrals;

/// <summary>What a sender device vouches for when it seals a referral.</summary>
public sealed record ReferralStatement
{
    /// <exception cref="ArgumentException">A field violates the canonical rules (see the file comment).</exception>
    public ReferralStatement(
        byte[] headerDigest,
        byte[] payloadDigest,
        Guid caseId,
        Guid messageId,
        string senderAgencyId,
        string senderDeviceId,
        IReadOnlyList<RecipientGeneration> recipients,
        IReadOnlyList<string> handlingCodes,
        DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(headerDigest);
        ArgumentNullException.ThrowIfNull(payloadDigest);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(handlingCodes);
        if (headerDigest.Length != Labels.DigestSize || payloadDigest.Length != Labels.DigestSize)
        {
            throw new ArgumentException($"Digests are {Labels.DigestSize} bytes.", nameof(headerDigest));
        }

        SenderAgencyId = Identifier.Require(senderAgencyId, nameof(senderAgencyId));
        SenderDeviceId = Identifier.Require(senderDeviceId, nameof(senderDeviceId));
        if (recipients.Count is 0 or > Labels.MaxRecipientAgencies
            || recipients.Any(r => r is null || !Identifier.IsValid(r.AgencyId))
            || !recipients.Zip(recipients.Skip(1)).All(p => string.CompareOrdinal(p.First.AgencyId, p.Second.AgencyId) < 0)
            || !recipients.Any(r => r.AgencyId == senderAgencyId))
        {
            throw new ArgumentException("Recipients are distinct valid agencies in ordinal order and include the sender's agency.", nameof(recipients));
        }

        if (!Referrals.HandlingCodes.IsCanonicalSet(handlingCodes))
        {
            throw new ArgumentException("Handling codes must be a canonical set.", nameof(handlingCodes));
        }

        HeaderDigest = [.. headerDigest];
        PayloadDigest = [.. payloadDigest];
        CaseId = caseId;
        MessageId = messageId;
        Recipients = [.. recipients];
        HandlingCodes = [.. handlingCodes];
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(createdAt.ToUnixTimeMilliseconds());
    }

    /// <summary>SHA-256 of the age header bytes.</summary>
    public IReadOnlyList<byte> HeaderDigest { get; }

    /// <summary>SHA-256 of the age payload bytes.</summary>
    public IReadOnlyList<byte> PayloadDigest { get; }

    /// <summary>The case the referral belongs to.</summary>
    public Guid CaseId { get; }

    /// <summary>The referral (message) id.</summary>
    public Guid MessageId { get; }

    /// <summary>The sending agency.</summary>
    public string SenderAgencyId { get; }

    /// <summary>The sending device (enrolled in <see cref="SenderAgencyId"/>).</summary>
    public string SenderDeviceId { get; }

    /// <summary>Recipient agencies with their generations, in ordinal order of agency id.</summary>
    public IReadOnlyList<RecipientGeneration> Recipients { get; }

    /// <summary>The canonical handling-code set.</summary>
    public IReadOnlyList<string> HandlingCodes { get; }

    /// <summary>Creation time, UTC, millisecond precision.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The canonical encoding that is signed.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter().Label(Labels.ReferralStatement)
            .Bytes([.. HeaderDigest]).Bytes([.. PayloadDigest]).Guid(CaseId).Guid(MessageId)
            .String(SenderAgencyId).String(SenderDeviceId).UInt16(checked((ushort)Recipients.Count));
        foreach (var recipient in Recipients)
        {
            writer.String(recipient.AgencyId).UInt32(recipient.Generation);
        }

        writer.UInt16(checked((ushort)HandlingCodes.Count));
        foreach (var code in HandlingCodes)
        {
            writer.String(code);
        }

        return writer.Time(CreatedAt).ToArray();
    }

    /// <summary>Parses the canonical encoding.</summary>
    /// <exception cref="AgeException">MalformedStatement.</exception>
    public static ReferralStatement Parse(ReadOnlySpan<byte> statement)
    {
        var reader = new CanonicalReader(statement, Labels.MaxStatementSize);
        reader.Label(Labels.ReferralStatement);
        var header = reader.Bytes(Labels.DigestSize);
        var payload = reader.Bytes(Labels.DigestSize);
        var caseId = reader.Guid();
        var messageId = reader.Guid();
        var senderAgency = reader.String();
        var senderDevice = reader.String();
        var recipients = new RecipientGeneration[Math.Min((int)reader.UInt16(), Labels.MaxRecipientAgencies + 1)];
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i] = new RecipientGeneration(reader.String(), reader.UInt32());
        }

        var codes = new string[Math.Min((int)reader.UInt16(), Labels.MaxHandlingCodes + 1)];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = reader.String();
        }

        var createdAt = reader.Time();
        reader.End();
        try
        {
            return new ReferralStatement(header, payload, caseId, messageId, senderAgency, senderDevice, recipients, codes, createdAt);
        }
        catch (ArgumentException e)
        {
            throw new AgeException(AgeErrorKind.MalformedStatement, "The referral statement is not canonical.", e);
        }
    }
}

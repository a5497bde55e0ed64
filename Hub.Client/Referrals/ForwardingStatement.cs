// The statement a forwarding device signs (Ed25519, RFC 8032) when it re-wraps a referral's file
// key for an added agency. Canonical encoding (Crypto/Format/CanonicalWriter), in this order:
//   label "referral-hub/v1/forwarding-statement"
//   | bytes[32] SHA-256 of the original encoded ReferralStatement
//   | bytes[32] SHA-256 of the new age header (original stanzas + the added agency's stanza)
//   | string added agency | u32 added generation
//   | string forwarder agency | string forwarder device | i64 forwarded at (Unix ms)
// The payload is untouched, so the original statement's payload digest still covers it.
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;

namespace Hub.Client.Referrals;

/// <summary>"Device <c>ForwarderDeviceId</c> of <c>ForwarderAgencyId</c> gave <c>AddedAgencyId</c> access to this referral."</summary>
public sealed record ForwardingStatement
{
    /// <exception cref="ArgumentException">A digest has the wrong size or an identifier is invalid.</exception>
    public ForwardingStatement(
        byte[] originalStatementDigest, byte[] headerDigest, string addedAgencyId, uint addedGeneration,
        string forwarderAgencyId, string forwarderDeviceId, DateTimeOffset forwardedAt)
    {
        ArgumentNullException.ThrowIfNull(originalStatementDigest);
        ArgumentNullException.ThrowIfNull(headerDigest);
        if (originalStatementDigest.Length != Labels.DigestSize || headerDigest.Length != Labels.DigestSize)
        {
            throw new ArgumentException($"Digests are {Labels.DigestSize} bytes.", nameof(headerDigest));
        }

        OriginalStatementDigest = [.. originalStatementDigest];
        HeaderDigest = [.. headerDigest];
        AddedAgencyId = Identifier.Require(addedAgencyId, nameof(addedAgencyId));
        AddedGeneration = addedGeneration;
        ForwarderAgencyId = Identifier.Require(forwarderAgencyId, nameof(forwarderAgencyId));
        ForwarderDeviceId = Identifier.Require(forwarderDeviceId, nameof(forwarderDeviceId));
        ForwardedAt = DateTimeOffset.FromUnixTimeMilliseconds(forwardedAt.ToUnixTimeMilliseconds());
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

    /// <summary>The canonical encoding that is signed.</summary>
    public byte[] Encode() =>
        new CanonicalWriter().Label(Labels.ForwardingStatement).Bytes([.. OriginalStatementDigest]).Bytes([.. HeaderDigest])
            .String(AddedAgencyId).UInt32(AddedGeneration).String(ForwarderAgencyId).String(ForwarderDeviceId)
            .Time(ForwardedAt).ToArray();

    /// <summary>Parses the canonical encoding.</summary>
    /// <exception cref="AgeException">MalformedStatement.</exception>
    public static ForwardingStatement Parse(ReadOnlySpan<byte> statement)
    {
        var reader = new CanonicalReader(statement, Labels.MaxStatementSize);
        reader.Label(Labels.ForwardingStatement);
        var original = reader.Bytes(Labels.DigestSize);
        var header = reader.Bytes(Labels.DigestSize);
        var added = Identifier.Check(reader.String());
        var generation = reader.UInt32();
        var agency = Identifier.Check(reader.String());
        var device = Identifier.Check(reader.String());
        var at = reader.Time();
        reader.End();
        return new ForwardingStatement(original, header, added, generation, agency, device, at);
    }
}

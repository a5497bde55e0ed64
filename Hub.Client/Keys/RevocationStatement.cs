// The statement an agency admin's device signs (Ed25519, RFC 8032) to revoke a member device. It
// names the generation that replaces the current one, so a revocation and its rotation stand or
// fall together. Canonical encoding (Format/CanonicalWriter), in this order:
//   label "referral-hub/v1/revocation-statement" | string agency id | string revoked device id
//   | string revoked-by device id | i64 revoked-at (Unix ms) | u32 new generation number
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;

namespace Hub.Client.Keys;

/// <summary>"Device <c>DeviceId</c> no longer belongs to agency <c>AgencyId</c>; generation <c>NewGeneration</c> replaces the current one."</summary>
public sealed record RevocationStatement
{
    /// <exception cref="ArgumentException">An identifier is invalid.</exception>
    public RevocationStatement(string agencyId, string deviceId, string revokedBy, DateTimeOffset revokedAt, uint newGeneration)
    {
        AgencyId = Identifier.Require(agencyId, nameof(agencyId));
        DeviceId = Identifier.Require(deviceId, nameof(deviceId));
        RevokedBy = Identifier.Require(revokedBy, nameof(revokedBy));
        RevokedAt = DateTimeOffset.FromUnixTimeMilliseconds(revokedAt.ToUnixTimeMilliseconds());
        NewGeneration = newGeneration;
    }

    /// <summary>The agency.</summary>
    public string AgencyId { get; }

    /// <summary>The revoked device.</summary>
    public string DeviceId { get; }

    /// <summary>The revoking (admin) device.</summary>
    public string RevokedBy { get; }

    /// <summary>Revocation time, UTC, millisecond precision.</summary>
    public DateTimeOffset RevokedAt { get; }

    /// <summary>The generation created by this revocation, wrapped to the remaining devices only.</summary>
    public uint NewGeneration { get; }

    /// <summary>The canonical encoding that is signed.</summary>
    public byte[] Encode() =>
        new CanonicalWriter().Label(Labels.RevocationStatement).String(AgencyId).String(DeviceId)
            .String(RevokedBy).Time(RevokedAt).UInt32(NewGeneration).ToArray();

    /// <summary>Parses the canonical encoding.</summary>
    /// <exception cref="AgeException">MalformedStatement.</exception>
    public static RevocationStatement Parse(ReadOnlySpan<byte> statement)
    {
        var reader = new CanonicalReader(statement, Labels.MaxStatementSize);
        reader.Label(Labels.RevocationStatement);
        var agencyId = Identifier.Check(reader.String());
        var deviceId = Identifier.Check(reader.String());
        var revokedBy = Identifier.Check(reader.String());
        var revokedAt = reader.Time();
        var generation = reader.UInt32();
        reader.End();
        return new RevocationStatement(agencyId, deviceId, revokedBy, revokedAt, generation);
    }

    /// <summary>Signs the statement with the revoking device's key.</summary>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is not the <see cref="RevokedBy"/> device, or revokes itself.</exception>
    public SignedStatement Sign(DeviceKey signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.DeviceId != RevokedBy || RevokedBy == DeviceId)
        {
            throw new ArgumentException("The signer must be the revoking device, and not the revoked one.", nameof(signer));
        }

        return SignedStatement.Create(Encode(), signer);
    }
}

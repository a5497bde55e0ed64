// The statement an agency admin's device signs (Ed25519, RFC 8032) to enrol a member device.
// Canonical encoding (Format/CanonicalWriter), in this order:
//   label "referral-hub/v1/enrolment-statement" | string agency id | string device id
//   | bytes[32] device X25519 public key | bytes[32] device Ed25519 public key
//   | string enrolled-by device id | i64 enrolled-at (Unix ms)
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;

namespace Hub.Client.Keys;

/// <summary>"Device <c>Device</c> is a member of agency <c>AgencyId</c>", signed by the enrolling device.</summary>
public sealed record EnrolmentStatement
{
    /// <exception cref="ArgumentException">An identifier is invalid.</exception>
    public EnrolmentStatement(string agencyId, DevicePublicKeys device, string enrolledBy, DateTimeOffset enrolledAt)
    {
        ArgumentNullException.ThrowIfNull(device);
        AgencyId = Identifier.Require(agencyId, nameof(agencyId));
        Device = device;
        EnrolledBy = Identifier.Require(enrolledBy, nameof(enrolledBy));
        EnrolledAt = DateTimeOffset.FromUnixTimeMilliseconds(enrolledAt.ToUnixTimeMilliseconds());
    }

    /// <summary>The agency the device joins.</summary>
    public string AgencyId { get; }

    /// <summary>The enrolled device and its public keys.</summary>
    public DevicePublicKeys Device { get; }

    /// <summary>The enrolling (admin) device; equal to the device itself only for an agency's founding device.</summary>
    public string EnrolledBy { get; }

    /// <summary>Enrolment time, UTC, millisecond precision.</summary>
    public DateTimeOffset EnrolledAt { get; }

    /// <summary>The canonical encoding that is signed.</summary>
    public byte[] Encode() =>
        new CanonicalWriter().Label(Labels.EnrolmentStatement).String(AgencyId).String(Device.DeviceId)
            .Bytes(Device.RawEncryptionKey).Bytes(Device.RawSigningKey).String(EnrolledBy).Time(EnrolledAt).ToArray();

    /// <summary>Parses the canonical encoding.</summary>
    /// <exception cref="AgeException">MalformedStatement.</exception>
    public static EnrolmentStatement Parse(ReadOnlySpan<byte> statement)
    {
        var reader = new CanonicalReader(statement, Labels.MaxStatementSize);
        reader.Label(Labels.EnrolmentStatement);
        var agencyId = Identifier.Check(reader.String());
        var deviceId = reader.String();
        var device = DevicePublicKeys.FromRaw(deviceId, reader.Bytes(Labels.X25519KeySize), reader.Bytes(Labels.Ed25519KeySize));
        var enrolledBy = Identifier.Check(reader.String());
        var enrolledAt = reader.Time();
        reader.End();
        return new EnrolmentStatement(agencyId, device, enrolledBy, enrolledAt);
    }

    /// <summary>Signs the statement with the enrolling device's key.</summary>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is not the <see cref="EnrolledBy"/> device.</exception>
    public SignedStatement Sign(DeviceKey signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.DeviceId != EnrolledBy)
        {
            throw new ArgumentException("The signer must be the enrolling device.", nameof(signer));
        }

        return SignedStatement.Create(Encode(), signer);
    }
}

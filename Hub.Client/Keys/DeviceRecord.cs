// One device as the key directory reports it: the agency it belongs to, its public keys, and the
// times of its (verified) enrolment and, if any, revocation.
namespace Hub.Client.Keys;

/// <summary>A device enrolment as seen in the key directory.</summary>
/// <param name="AgencyId">The agency the device is enrolled in.</param>
/// <param name="Keys">The device id and public keys.</param>
/// <param name="EnrolledAt">When the enrolment statement says it was enrolled.</param>
/// <param name="RevokedAt">When it was revoked, or <see langword="null"/>.</param>
public sealed record DeviceRecord(string AgencyId, DevicePublicKeys Keys, DateTimeOffset EnrolledAt, DateTimeOffset? RevokedAt)
{
    /// <summary>True if the device may sign at <paramref name="time"/>: enrolled by then and never revoked.</summary>
    /// <remarks>
    /// Any revocation disqualifies the device, also for statements dated before it: a revoked key may
    /// be in an attacker's hands, and the attacker chooses the date in the statement. Telling old
    /// statements apart needs the hub's witnessed audit log (planned), not the signer's word.
    /// </remarks>
    public bool MaySignAt(DateTimeOffset time) => RevokedAt is null && EnrolledAt <= time;
}

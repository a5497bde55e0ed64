// Revoking a device rotates its agency's generation: a signed revocation statement naming the new
// generation, and the new generation key wrapped to the remaining devices only, so the revoked
// device cannot open anything sealed to the agency from then on.
using Hub.Client.Crypto;

namespace Hub.Client.Keys;

/// <summary>A signed revocation and the new generation key it introduces.</summary>
/// <param name="Statement">The signed <see cref="RevocationStatement"/>.</param>
/// <param name="NewGeneration">The new generation key, wrapped to the remaining devices.</param>
public sealed record DeviceRevocation(SignedStatement Statement, WrappedGenerationKey NewGeneration)
{
    /// <summary>
    /// Revokes <paramref name="deviceId"/> from <paramref name="agencyId"/>: creates generation
    /// <paramref name="newGeneration"/>, wraps it to <paramref name="remainingDevices"/>, and signs the revocation with <paramref name="admin"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The revoked device is among the remaining ones, or there are none.</exception>
    public static DeviceRevocation Create(
        DeviceKey admin, string agencyId, string deviceId, uint newGeneration, IReadOnlyList<DevicePublicKeys> remainingDevices, DateTimeOffset revokedAt)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(remainingDevices);
        if (remainingDevices.Any(d => d.DeviceId == deviceId))
        {
            throw new ArgumentException("The revoked device cannot receive the new generation.", nameof(remainingDevices));
        }

        var statement = new RevocationStatement(agencyId, deviceId, admin.DeviceId, revokedAt, newGeneration);
        using var generation = AgencyGenerationSecret.Create(agencyId, newGeneration);
        return new DeviceRevocation(statement.Sign(admin), generation.WrapTo(remainingDevices));
    }
}

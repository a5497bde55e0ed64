// Getting an agency's keys in place from one admin device, as the benchmark and `hub simulate` need it:
// a new agency's first device signs its own enrolment and publishes generation 1 wrapped to itself;
// later runs with the same device only unlock what is there. An agency whose directory holds devices
// but not this one is refused: only an enrolled device may enrol another, and this one is not.
using Hub.Client.Keys;
using Hub.Client.Wire;
using NSec.Cryptography;

namespace Hub.Client.Api;

/// <summary>Founds or reopens an agency's key directory with a workspace's device (agency admins).</summary>
public static class AgencyKeysBootstrap
{
    /// <summary>
    /// Enrols the workspace's device if the agency has no device yet, publishes generation 1 if it has no
    /// generation yet, and unlocks the current generation for this device.
    /// </summary>
    /// <returns>The agency's current generation (public part; the workspace holds the secret).</returns>
    /// <exception cref="InvalidOperationException">The agency has devices, and this device is not one of its active ones.</exception>
    public static async Task<AgencyGenerationKey> EnsureKeysAsync(this AgencyWorkspace workspace, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var keys = await workspace.Api.GetKeysAsync(workspace.AgencyId, ct);
        if (keys.Devices.Count == 0)
        {
            await workspace.EnrolDeviceAsync(ct: ct);
        }
        else if (!keys.Devices.Any(d => d.RevokedAt is null && IsThisDevice(d, workspace.Device)))
        {
            throw new InvalidOperationException(
                $"{workspace.AgencyId} already has enrolled devices and {workspace.Device.DeviceId} is not an active one of them; only an enrolled device can enrol another.");
        }

        if (keys.Generations.Count == 0)
        {
            await workspace.PublishNextGenerationAsync(ct: ct);
        }

        return await workspace.UnlockCurrentGenerationAsync(ct);
    }

    private static bool IsThisDevice(DeviceEntry entry, DeviceKey device) =>
        entry.DeviceId == device.DeviceId
        && entry.EncryptionKey == device.PublicKeys.EncryptionKey.ToString()
        && entry.SigningKey.AsSpan().SequenceEqual(device.PublicKeys.SigningKey.Export(KeyBlobFormat.RawPublicKey));
}

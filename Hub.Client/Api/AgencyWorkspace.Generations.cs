// Older generations for a device enrolled later. A generation's key is wrapped to the devices active when it was
// published, so a device enrolled afterwards cannot read what was sealed before. An admin's device that holds an older
// generation wraps it to the new device once the new device's enrolment verifies; the hub stores the age file without
// being able to read or check it, and the new device checks the unwrapped key against the generation's published
// public key before using it (AgeErrorKind.GenerationKeyMismatch otherwise).
using System.Net;
using Hub.Client.Crypto;
using Hub.Client.Wire;

namespace Hub.Client.Api;

public sealed partial class AgencyWorkspace
{
    /// <summary>
    /// Wraps generation <paramref name="generation"/>, which this device holds, to <paramref name="deviceId"/>: an active
    /// device of the agency whose signed enrolment verifies (and matches the pins, if any). Agency admins only.
    /// </summary>
    /// <exception cref="AgeException">SenderNotEnrolled: the device is not an active, verified device of the agency.</exception>
    /// <exception cref="HubApiException">403 not an admin, 404 unknown generation or device (or this device does not hold it), 409 revoked or already held.</exception>
    public async Task<AgencyKeys> WrapGenerationToAsync(uint generation, string deviceId, Guid? commandId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var directory = await LoadDirectoryAsync([AgencyId], ct);
        var device = await directory.FindDeviceAsync(AgencyId, deviceId, ct);
        if (device is not { RevokedAt: null })
        {
            throw new AgeException(AgeErrorKind.SenderNotEnrolled, $"Device {deviceId} is not an active device of {AgencyId} with a verified enrolment; no key is wrapped to it.");
        }

        var secret = await UnlockAsync(generation, null, ct);
        var wrapped = secret.WrapTo([device.Keys]);
        return await Api.WrapGenerationAsync(AgencyId, (int)generation, new WrapGeneration(commandId ?? Guid.NewGuid(), deviceId, Device.DeviceId, wrapped.Envelope), ct);
    }

    /// <summary>
    /// Wraps to <paramref name="deviceId"/> every generation of the agency it does not hold yet and this device does
    /// (see <see cref="WrapGenerationToAsync"/>).
    /// </summary>
    /// <returns>The generations wrapped now, and those the device lacks but this device does not hold either.</returns>
    public async Task<(IReadOnlyList<uint> Wrapped, IReadOnlyList<uint> NotHeldHere)> WrapOlderGenerationsToAsync(string deviceId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var keys = await Api.GetKeysAsync(AgencyId, ct);
        var wrapped = new List<uint>();
        var notHeld = new List<uint>();
        foreach (var generation in keys.Generations.Select(g => (uint)g.Generation).Order())
        {
            if (await HoldsAsync(generation, deviceId, ct))
            {
                continue;
            }

            if (!await HoldsAsync(generation, Device.DeviceId, ct))
            {
                notHeld.Add(generation);
                continue;
            }

            await WrapGenerationToAsync(generation, deviceId, ct: ct);
            wrapped.Add(generation);
        }

        return (wrapped, notHeld);
    }

    private async Task<bool> HoldsAsync(uint generation, string deviceId, CancellationToken ct)
    {
        if (deviceId == Device.DeviceId && _secrets.ContainsKey(generation))
        {
            return true;
        }

        try
        {
            await Api.GetWrappedGenerationAsync(AgencyId, (int)generation, deviceId, ct);
            return true;
        }
        catch (HubApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}

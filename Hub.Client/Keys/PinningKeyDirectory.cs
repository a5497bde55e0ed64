// Wraps a key directory with trust-on-first-use pinning. Every device and generation key the inner
// directory returns is checked against the pins: first sight pins it, a match passes, and a changed
// key fails closed with AgeErrorKind.PinnedKeyChanged (a hub substituting keys is caught here for
// anything the client has seen before; first contact relies on out-of-band fingerprint checks).
using Hub.Client.Crypto;

namespace Hub.Client.Keys;

/// <summary>An <see cref="IKeyDirectory"/> decorator that pins and checks fingerprints.</summary>
public sealed class PinningKeyDirectory(IKeyDirectory inner, KeyPins pins) : IKeyDirectory
{
    /// <inheritdoc/>
    /// <exception cref="AgeException">PinnedKeyChanged.</exception>
    public async Task<DeviceRecord?> FindDeviceAsync(string agencyId, string deviceId, CancellationToken cancellationToken = default)
    {
        var record = await inner.FindDeviceAsync(agencyId, deviceId, cancellationToken);
        if (record is not null)
        {
            Require(KeyPins.DeviceSubject(agencyId, deviceId), record.Keys.Fingerprint);
        }

        return record;
    }

    /// <inheritdoc/>
    /// <exception cref="AgeException">PinnedKeyChanged.</exception>
    public async Task<AgencyGenerationKey?> FindCurrentGenerationAsync(string agencyId, CancellationToken cancellationToken = default) =>
        Checked(await inner.FindCurrentGenerationAsync(agencyId, cancellationToken));

    /// <inheritdoc/>
    /// <exception cref="AgeException">PinnedKeyChanged.</exception>
    public async Task<AgencyGenerationKey?> FindGenerationAsync(string agencyId, uint generation, CancellationToken cancellationToken = default) =>
        Checked(await inner.FindGenerationAsync(agencyId, generation, cancellationToken));

    private AgencyGenerationKey? Checked(AgencyGenerationKey? key)
    {
        if (key is not null)
        {
            Require(KeyPins.GenerationSubject(key.AgencyId, key.Generation), key.Fingerprint);
        }

        return key;
    }

    private void Require(string subject, string fingerprint)
    {
        if (pins.Check(subject, fingerprint) == PinCheck.Changed)
        {
            throw new AgeException(AgeErrorKind.PinnedKeyChanged, $"The key of {subject} differs from the pinned fingerprint.");
        }
    }
}

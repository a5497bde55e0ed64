// The client's view of the key directory. The hub serves it (later as a journaled, verifiable log);
// the client never takes it on trust alone: device entries come from signed enrolment statements,
// and PinningKeyDirectory flags keys that change under an already-seen device or generation.
namespace Hub.Client.Keys;

/// <summary>Looks up devices and agency key generations.</summary>
public interface IKeyDirectory
{
    /// <summary>The device's record in the agency, or <see langword="null"/> if it was never enrolled there.</summary>
    Task<DeviceRecord?> FindDeviceAsync(string agencyId, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>The agency's current generation, or <see langword="null"/> for an unknown agency.</summary>
    Task<AgencyGenerationKey?> FindCurrentGenerationAsync(string agencyId, CancellationToken cancellationToken = default);

    /// <summary>Generation <paramref name="generation"/> of the agency, or <see langword="null"/> if unknown.</summary>
    Task<AgencyGenerationKey?> FindGenerationAsync(string agencyId, uint generation, CancellationToken cancellationToken = default);
}

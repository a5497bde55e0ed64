namespace Hub.Contracts.Agencies;

/// <summary>One agency of the network, keyed by its directory code (e.g. <c>be-police</c>).</summary>
[Alias("Hub.Contracts.Agencies.IAgencyGrain")]
public interface IAgencyGrain : IGrainWithStringKey
{
    /// <summary>The profile, or null when no agency has this id.</summary>
    [Alias("GetProfileAsync")]
    Task<AgencyProfile?> GetProfileAsync(CancellationToken ct = default);

    /// <summary>Creates the agency or updates its profile. Only that agency's admins may do it.</summary>
    [Alias("DefineAsync")]
    Task<DefineAgencyResult> DefineAsync(Caller caller, AgencyProfile profile, CancellationToken ct = default);

    /// <summary>The agency's public key directory (devices and generations).</summary>
    [Alias("GetKeysAsync")]
    Task<AgencyKeys> GetKeysAsync(CancellationToken ct = default);

    [Alias("EnrolDeviceAsync")]
    Task<KeyCommandResult> EnrolDeviceAsync(Caller caller, EnrolDevice command, CancellationToken ct = default);

    [Alias("RevokeDeviceAsync")]
    Task<KeyCommandResult> RevokeDeviceAsync(Caller caller, RevokeDevice command, CancellationToken ct = default);

    [Alias("PublishGenerationAsync")]
    Task<KeyCommandResult> PublishGenerationAsync(Caller caller, PublishGeneration command, CancellationToken ct = default);

    /// <summary>A member of this agency registers a device's public keys for an admin to enrol (pending until then).</summary>
    [Alias("RequestDeviceAsync")]
    Task<KeyCommandResult> RequestDeviceAsync(Caller caller, RequestDevice command, CancellationToken ct = default);

    /// <summary>Devices waiting for enrolment, oldest first; null unless the caller is a member of this agency.</summary>
    [Alias("GetDeviceRequestsAsync")]
    Task<IReadOnlyList<DeviceRequest>?> GetDeviceRequestsAsync(Caller caller, CancellationToken ct = default);

    /// <summary>Adds a generation's key wrapped to one more active device (the agency's admins; a device enrolled later).</summary>
    [Alias("WrapGenerationAsync")]
    Task<KeyCommandResult> WrapGenerationAsync(Caller caller, int generation, WrapGeneration command, CancellationToken ct = default);

    /// <summary>A generation's private key wrapped to one of this agency's devices; only the agency's own members get it.</summary>
    [Alias("GetWrappedGenerationAsync")]
    Task<byte[]?> GetWrappedGenerationAsync(Caller caller, int generation, string deviceId, CancellationToken ct = default);
}

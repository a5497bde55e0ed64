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
}

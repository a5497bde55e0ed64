using Hub.Contracts.Agencies;

namespace Hub.Gateway.Agencies;

/// <summary>Reads every agency profile of the network: the directory's ids, then each agency's own profile.</summary>
public static class AgencyDirectoryReader
{
    public static async Task<AgencyProfile[]> ListProfilesAsync(IClusterClient orleans, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orleans);
        var ids = await orleans.GetGrain<IAgencyDirectoryGrain>(IAgencyDirectoryGrain.Key).ListAsync(ct);
        var profiles = await Task.WhenAll(ids.Select(id => orleans.GetGrain<IAgencyGrain>(id).GetProfileAsync(ct)));

        // A listed id without a profile is a define that crashed half-way: not an agency (yet).
        return profiles.OfType<AgencyProfile>().ToArray();
    }
}

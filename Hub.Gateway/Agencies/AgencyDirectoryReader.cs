using Hub.Contracts.Agencies;
using Hub.Gateway.Operations;

namespace Hub.Gateway.Agencies;

/// <summary>Reads every agency profile of the network: the directory's ids, then each agency's own profile.</summary>
public static class AgencyDirectoryReader
{
    public static async Task<AgencyProfile[]> ListProfilesAsync(GrainReferences grains, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var ids = await grains.Directory().ListAsync(ct);
        var profiles = await Task.WhenAll(ids.Select(id => grains.Agency(id).GetProfileAsync(ct)));

        // A listed id without a profile is a define that crashed half-way: not an agency (yet).
        return profiles.OfType<AgencyProfile>().ToArray();
    }
}

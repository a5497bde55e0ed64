namespace Hub.Contracts.Agencies;

/// <summary>
/// The list of agency ids in the network (a single grain, key <see cref="Key"/>).
/// Profiles stay with each <see cref="IAgencyGrain"/>; the directory only knows which ids exist.
/// </summary>
[Alias("Hub.Contracts.Agencies.IAgencyDirectoryGrain")]
public interface IAgencyDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "directory";

    /// <summary>Adds an id; adding one that is already listed writes nothing.</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(string agencyId, CancellationToken ct = default);

    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default);
}

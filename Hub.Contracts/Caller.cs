namespace Hub.Contracts;

/// <summary>
/// Who is asking: the one agency a user acts for, the user, and the roles the identity provider granted.
/// Passed explicitly to every grain call so that each entry point gets the same authorization answer.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Caller")]
public sealed record Caller(
    [property: Id(0)] string AgencyId,
    [property: Id(1)] string UserId,
    [property: Id(2)] IReadOnlyList<string> Roles)
{
    /// <summary>The hub's own maintenance work (development seeding). Never built from a token.</summary>
    public static Caller HubSystem { get; } = new(SystemAgencyId, "hub-system", [HubRoles.System]);

    /// <summary>Reserved agency id of <see cref="HubSystem"/>; agency ids from tokens can never take it.</summary>
    public const string SystemAgencyId = "@hub";

    public bool IsSystem => AgencyId == SystemAgencyId && HasRole(HubRoles.System);

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>An agency admin of exactly this agency (or the hub itself).</summary>
    public bool IsAdminOf(string agencyId) =>
        IsSystem || (HasRole(HubRoles.AgencyAdmin) && string.Equals(AgencyId, agencyId, StringComparison.Ordinal));
}

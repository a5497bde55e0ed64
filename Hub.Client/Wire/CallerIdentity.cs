namespace Hub.Client.Wire;

/// <summary>The caller as the hub binds it: one agency, one user, its roles (<c>GET /api/me</c>, hub method <c>WhoAmI</c>).</summary>
/// <param name="AgencyId">The agency the user acts for.</param>
/// <param name="UserId">The user's object id.</param>
/// <param name="UserName">The preferred user name.</param>
/// <param name="Roles">Hub app roles.</param>
public sealed record CallerIdentity(
    string AgencyId,
    string UserId,
    string? UserName,
    IReadOnlyList<string> Roles);

namespace Hub.Client.Api;

/// <summary>A seeded demo user of a development hub.</summary>
/// <param name="UserName">Sign-in name, e.g. <c>analyst@be-hotline.test</c>.</param>
/// <param name="DisplayName">Synthetic display name.</param>
/// <param name="AgencyId">The agency the user acts for.</param>
/// <param name="Roles">Hub app roles.</param>
public sealed record DevUser(string UserName, string DisplayName, string AgencyId, IReadOnlyList<string> Roles);

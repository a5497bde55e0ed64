namespace Hub.Silo.Seeding;

/// <summary>A user of the development identity provider; synthetic, like everything in the demo network.</summary>
/// <param name="UserName">Sign-in name on a reserved domain, e.g. <c>analyst@be-hotline.test</c>.</param>
/// <param name="ObjectId">Stable user id (the <c>oid</c> claim).</param>
public sealed record DemoUser(string UserName, string DisplayName, Guid ObjectId, string AgencyId, IReadOnlyList<string> Roles);

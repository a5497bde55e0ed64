using System.Security.Claims;
using Hub.Contracts;

namespace Hub.Gateway.Auth;

/// <summary>The caller as the hub binds it: one agency, one user, its roles.</summary>
public sealed record WhoAmI(string AgencyId, string UserId, string? UserName, IReadOnlyList<string> Roles)
{
    public static WhoAmI From(ClaimsPrincipal user, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller.AgencyId, caller.UserId, user.FindFirstValue(HubClaims.PreferredUserName), caller.Roles);
    }
}

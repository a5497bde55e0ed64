using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Hub.Contracts;
using Hub.Silo.Agencies;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Auth;

/// <summary>
/// Turns a validated token into the explicit <see cref="Caller"/> that grains decide on.
/// A user acts for exactly one agency: from the tenant mapping (<c>Hub:Tenants</c>, production) or,
/// only when the development provider is on, from its agency claim.
/// </summary>
public sealed class CallerResolver(IOptions<CallerResolverOptions> options)
{
    public bool TryResolve(ClaimsPrincipal user, [NotNullWhen(true)] out Caller? caller)
    {
        ArgumentNullException.ThrowIfNull(user);
        caller = null;
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var objectId = user.FindFirstValue(HubClaims.ObjectId);
        var agency = AgencyOf(user);
        if (string.IsNullOrEmpty(objectId) || agency is null || !AgencyProfileRules.AgencyId().IsMatch(agency))
        {
            return false;
        }

        // Roles outside the Hub.* app roles are ignored, and the hub's own system role can never come from a token.
        string[] roles = [.. user.FindAll(HubClaims.Roles).Select(c => c.Value).Where(HubRoles.All.Contains).Distinct()];
        caller = new Caller(agency, objectId, roles);
        return true;
    }

    /// <summary>For endpoints behind the agency-member policy, which already proved the caller resolves.</summary>
    public Caller Resolve(ClaimsPrincipal user) =>
        TryResolve(user, out var caller) ? caller : throw new InvalidOperationException("The agency-member policy should have refused this user.");

    private string? AgencyOf(ClaimsPrincipal user)
    {
        var tenant = user.FindFirstValue(HubClaims.TenantId);
        if (tenant is not null && options.Value.Tenants.TryGetValue(tenant, out var mapped))
        {
            return mapped;
        }

        return options.Value.TrustAgencyClaim ? user.FindFirstValue(HubClaims.Agency) : null;
    }
}

/// <summary>How tokens map to agencies.</summary>
public sealed class CallerResolverOptions
{
    /// <summary>Entra tenant id → agency id (<c>Hub:Tenants</c>).</summary>
    public Dictionary<string, string> Tenants { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True only with the development provider, whose tokens carry the agency themselves.</summary>
    public bool TrustAgencyClaim { get; set; }
}

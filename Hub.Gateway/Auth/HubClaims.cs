namespace Hub.Gateway.Auth;

/// <summary>Claim names the gateway reads. JWT names, not mapped to WS-* URIs (MapInboundClaims is off).</summary>
public static class HubClaims
{
    /// <summary>The agency the user acts for. Trusted only from the development provider; Entra tenants map through <c>Hub:Tenants</c>.</summary>
    public const string Agency = "hub_agency";

    public const string ObjectId = "oid";
    public const string TenantId = "tid";
    public const string Roles = "roles";
    public const string Name = "name";
    public const string PreferredUserName = "preferred_username";
}

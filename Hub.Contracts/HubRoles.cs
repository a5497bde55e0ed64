namespace Hub.Contracts;

/// <summary>App roles as the identity provider (Entra ID app roles, or the development provider) names them.</summary>
public static class HubRoles
{
    public const string Analyst = "Hub.Analyst";
    public const string Investigator = "Hub.Investigator";
    public const string Liaison = "Hub.Liaison";
    public const string AgencyAdmin = "Hub.AgencyAdmin";
    public const string Auditor = "Hub.Auditor";

    /// <summary>Only <see cref="Caller.HubSystem"/> carries it; a token claiming it is refused by the gateway.</summary>
    public const string System = "Hub.System";

    public static IReadOnlyList<string> All { get; } = [Analyst, Investigator, Liaison, AgencyAdmin, Auditor];
}

namespace Hub.Client.Wire;

/// <summary>An agency's directory entry: public routing metadata only.</summary>
/// <param name="Id">Directory code, e.g. <c>be-hotline</c>.</param>
/// <param name="Kind">What the agency does.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Sla">Acknowledgement targets.</param>
public sealed record AgencyProfile(
    string Id,
    AgencyKind Kind,
    string Country,
    string DisplayName,
    SlaTargets Sla);

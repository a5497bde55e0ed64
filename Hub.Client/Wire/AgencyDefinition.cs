namespace Hub.Client.Wire;

/// <summary>Body of <c>PUT /api/agencies/{id}</c>; a null <see cref="Sla"/> takes the hub's defaults.</summary>
/// <param name="Kind">What the agency does.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Sla">Acknowledgement targets, or null.</param>
public sealed record AgencyDefinition(
    AgencyKind Kind,
    string Country,
    string DisplayName,
    SlaTargets? Sla);

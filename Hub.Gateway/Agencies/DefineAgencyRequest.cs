using Hub.Contracts.Agencies;

namespace Hub.Gateway.Agencies;

/// <summary>Body of <c>PUT /api/agencies/{id}</c>. <see cref="Sla"/> defaults to <see cref="SlaTargets.Default"/>.</summary>
public sealed record DefineAgencyRequest(AgencyKind Kind, string Country, string DisplayName, SlaTargets? Sla);

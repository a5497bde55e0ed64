namespace Hub.Contracts.Agencies;

/// <summary>An agency's entry in the directory: public routing metadata only.</summary>
/// <param name="Id">Directory code, lower case, e.g. <c>be-hotline</c>.</param>
/// <param name="Kind">What the agency does.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code, upper case.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Sla">Acknowledgement targets.</param>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.AgencyProfile")]
public sealed record AgencyProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] AgencyKind Kind,
    [property: Id(2)] string Country,
    [property: Id(3)] string DisplayName,
    [property: Id(4)] SlaTargets Sla);

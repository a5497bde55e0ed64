namespace Hub.Contracts.Cases;

/// <summary>
/// The labels that restrict what participants may do with a case, in their canonical strings:
/// SIENA <c>H0</c>–<c>H3</c> (<see cref="SienaRestriction"/> is the free text of <c>H3</c>) and TLP 2.0
/// (<c>TLP:CLEAR</c>, <c>TLP:GREEN</c>, <c>TLP:AMBER</c>, <c>TLP:AMBER+STRICT</c>, <c>TLP:RED</c>).
/// They are also inside every signed statement, so a client can see they were not stripped.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.HandlingCodes")]
public sealed record HandlingCodes(
    [property: Id(0)] string Siena,
    [property: Id(1)] string Tlp,
    [property: Id(2)] string? SienaRestriction = null);

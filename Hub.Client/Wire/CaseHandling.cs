namespace Hub.Client.Wire;

/// <summary>A case's handling codes: SIENA <c>H0</c>–<c>H3</c> (with the H3 free text) and a TLP 2.0 label.</summary>
/// <param name="Siena"><c>H0</c>, <c>H1</c>, <c>H2</c> or <c>H3</c>.</param>
/// <param name="Tlp">e.g. <c>TLP:AMBER</c>.</param>
/// <param name="SienaRestriction">The free text of H3.</param>
public sealed record CaseHandling(
    string Siena,
    string Tlp,
    string? SienaRestriction = null);

namespace Hub.Contracts.Cases;

/// <summary>A recipient agency of a sealed message and the key generation it was encrypted to.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.RecipientKey")]
public sealed record RecipientKey(
    [property: Id(0)] string AgencyId,
    [property: Id(1)] int Generation);

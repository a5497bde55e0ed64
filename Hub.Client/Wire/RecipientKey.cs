namespace Hub.Client.Wire;

/// <summary>A recipient agency of a sealed message and the key generation it was sealed to.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="Generation">Its generation.</param>
public sealed record RecipientKey(
    string AgencyId,
    int Generation);

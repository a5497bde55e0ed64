namespace Hub.Client.Wire;

/// <summary>An agency a referral could go to, and why; the sender chooses.</summary>
/// <param name="AgencyId">The suggested agency.</param>
/// <param name="Reason">Why it is suggested.</param>
public sealed record RouteSuggestion(
    string AgencyId,
    string Reason);

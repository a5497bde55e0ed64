namespace Hub.Silo.Routing;

/// <summary>An agency a referral could go to, and why. The sender chooses; nothing is routed silently.</summary>
public sealed record RouteSuggestion(string AgencyId, string Reason);

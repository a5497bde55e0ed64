using Hub.Client.Wire;

namespace Hub.Cli.Simulation;

/// <summary>How a simulated hotline picks recipients from the hub's route suggestions.</summary>
internal static class Routing
{
    /// <summary>
    /// The suggested agencies that take part in the simulation, in the hub's order. SIENA H0 material is for
    /// law enforcement only, so hotlines are left out of H0 referrals (the hub would refuse them).
    /// </summary>
    public static IReadOnlyList<string> Choose(IReadOnlyList<RouteSuggestion> suggested, IReadOnlyDictionary<string, SimulatedAgency> simulated, CaseHandling handling) =>
        [.. suggested
            .Select(s => s.AgencyId)
            .Distinct(StringComparer.Ordinal)
            .Where(id => simulated.TryGetValue(id, out var agency) && (handling.Siena != "H0" || agency.Profile.Kind != AgencyKind.Hotline))];
}

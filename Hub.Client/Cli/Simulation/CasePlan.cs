using Hub.Client.Wire;

namespace Hub.Cli.Simulation;

/// <summary>
/// What one simulated report becomes: who reports it, how urgent, where the content is hosted, its handling
/// codes, the synthetic content's seed, and the seed for the decisions taken along the way.
/// </summary>
internal sealed record CasePlan(
    int Index,
    string Sender,
    Priority Priority,
    CaseCategory Category,
    string HostingCountry,
    CaseHandling Handling,
    int ContentSeed,
    int DecisionSeed,
    byte[] Content);

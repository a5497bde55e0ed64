using Hub.Contracts.Agencies;

namespace Hub.Silo.Agencies;

/// <summary>The fold of an agency's events.</summary>
public sealed record AgencyState(AgencyProfile? Profile)
{
    public static AgencyState Empty { get; } = new((AgencyProfile?)null);

    public static AgencyState Apply(AgencyState state, AgencyEvent @event, string agencyId) => @event switch
    {
        AgencyDefined d => state with { Profile = new AgencyProfile(agencyId, d.Kind, d.Country, d.DisplayName, d.Sla) },
        _ => throw new InvalidDataException($"Unhandled agency event {@event.GetType().Name}."),
    };
}

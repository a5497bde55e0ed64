using Hub.Contracts.Agencies;
using Hub.Silo.EventSourcing;

namespace Hub.Silo.Agencies;

/// <summary>Events of an agency's stream (<c>agency/{id}</c>).</summary>
public abstract record AgencyEvent(DateTimeOffset At, string ByAgency, string ByUser);

/// <summary>The agency's profile was set for the first time or changed.</summary>
public sealed record AgencyDefined(
    DateTimeOffset At, string ByAgency, string ByUser,
    AgencyKind Kind, string Country, string DisplayName, SlaTargets Sla)
    : AgencyEvent(At, ByAgency, ByUser);

internal static class AgencyEvents
{
    public static EventCodec<AgencyEvent> Codec { get; } = new EventCodec<AgencyEvent>()
        .Map<AgencyDefined>("agency.defined.v1");

    public static string StreamId(string agencyId) => $"agency/{agencyId}";
}

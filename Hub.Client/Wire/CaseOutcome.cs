// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>What happened as a result of a case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseOutcome>))]
public enum CaseOutcome
{
    /// <summary>InvestigationOpened.</summary>
    InvestigationOpened = 1,
    /// <summary>VictimIdentified.</summary>
    VictimIdentified = 2,
    /// <summary>Closed.</summary>
    Closed = 3,
}

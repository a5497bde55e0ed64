// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>Reason class of a takedown hold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoldReason>))]
public enum HoldReason
{
    /// <summary>InvestigationOngoing.</summary>
    InvestigationOngoing = 1,
    /// <summary>VictimIdentificationInProgress.</summary>
    VictimIdentificationInProgress = 2,
    /// <summary>CoordinatedAction.</summary>
    CoordinatedAction = 3,
    /// <summary>Other.</summary>
    Other = 4,
}

// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>What an agency does in the referral network.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgencyKind>))]
public enum AgencyKind
{
    /// <summary>Hotline.</summary>
    Hotline = 1,
    /// <summary>PoliceUnit.</summary>
    PoliceUnit = 2,
    /// <summary>LiaisonPoint.</summary>
    LiaisonPoint = 3,
}

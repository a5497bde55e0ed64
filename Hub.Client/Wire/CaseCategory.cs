// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>What the reported material is, at the level routing needs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseCategory>))]
public enum CaseCategory
{
    /// <summary>AbuseMaterial.</summary>
    AbuseMaterial = 1,
    /// <summary>Grooming.</summary>
    Grooming = 2,
    /// <summary>Sextortion.</summary>
    Sextortion = 3,
    /// <summary>LiveStreaming.</summary>
    LiveStreaming = 4,
    /// <summary>Other.</summary>
    Other = 5,
}

// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>How fast a case must move; Urgent means a child at imminent risk.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Priority>))]
public enum Priority
{
    /// <summary>Urgent.</summary>
    Urgent = 1,
    /// <summary>High.</summary>
    High = 2,
    /// <summary>Normal.</summary>
    Normal = 3,
}

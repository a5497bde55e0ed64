// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>The notice-and-takedown track.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TakedownStatus>))]
public enum TakedownStatus
{
    /// <summary>NoticePending.</summary>
    NoticePending = 1,
    /// <summary>Held.</summary>
    Held = 2,
    /// <summary>Cleared.</summary>
    Cleared = 3,
    /// <summary>NoticeSent.</summary>
    NoticeSent = 4,
    /// <summary>Removed.</summary>
    Removed = 5,
    /// <summary>NotRemoved.</summary>
    NotRemoved = 6,
}

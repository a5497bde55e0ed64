// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>Takedown steps a hotline records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TakedownStep>))]
public enum TakedownStep
{
    /// <summary>NoticeSent.</summary>
    NoticeSent = 1,
    /// <summary>Removed.</summary>
    Removed = 2,
    /// <summary>NotRemoved.</summary>
    NotRemoved = 3,
}

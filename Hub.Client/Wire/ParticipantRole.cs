// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>How an agency came to take part in a case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParticipantRole>))]
public enum ParticipantRole
{
    /// <summary>Originator.</summary>
    Originator = 1,
    /// <summary>Recipient.</summary>
    Recipient = 2,
    /// <summary>Forwarded.</summary>
    Forwarded = 3,
}

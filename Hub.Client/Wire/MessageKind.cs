// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>A sealed message's purpose.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageKind>))]
public enum MessageKind
{
    /// <summary>Referral.</summary>
    Referral = 1,
    /// <summary>Reply.</summary>
    Reply = 2,
    /// <summary>InformationRequest.</summary>
    InformationRequest = 3,
}

// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>What changed in a case, as an inbox entry names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InboxItemKind>))]
public enum InboxItemKind
{
    /// <summary>ReferralReceived.</summary>
    ReferralReceived = 1,
    /// <summary>MessageReceived.</summary>
    MessageReceived = 2,
    /// <summary>StatusChanged.</summary>
    StatusChanged = 3,
    /// <summary>ForwardRequested.</summary>
    ForwardRequested = 4,
    /// <summary>ParticipantAdded.</summary>
    ParticipantAdded = 5,
    /// <summary>HoldChanged.</summary>
    HoldChanged = 6,
    /// <summary>TakedownChanged.</summary>
    TakedownChanged = 7,
    /// <summary>OutcomeRecorded.</summary>
    OutcomeRecorded = 8,
    /// <summary>Escalated.</summary>
    Escalated = 9,
}

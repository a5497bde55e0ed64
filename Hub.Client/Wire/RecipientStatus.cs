// Wire enum: travels as its name only (the hub refuses numbers), so the values here are not part of the protocol.
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>A recipient agency's handling of the referral.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecipientStatus>))]
public enum RecipientStatus
{
    /// <summary>Delivered.</summary>
    Delivered = 1,
    /// <summary>Acknowledged.</summary>
    Acknowledged = 2,
    /// <summary>Accepted.</summary>
    Accepted = 3,
    /// <summary>Declined.</summary>
    Declined = 4,
    /// <summary>InformationRequested.</summary>
    InformationRequested = 5,
}

using Hub.Contracts.Agencies;
using Hub.Silo.EventSourcing;

namespace Hub.Silo.Agencies;

/// <summary>Events of an agency's stream (<c>agency/{id}</c>): its profile and its key directory.</summary>
public abstract record AgencyEvent(DateTimeOffset At, string ByAgency, string ByUser);

/// <summary>The agency's profile was set for the first time or changed.</summary>
public sealed record AgencyDefined(
    DateTimeOffset At, string ByAgency, string ByUser,
    AgencyKind Kind, string Country, string DisplayName, SlaTargets Sla)
    : AgencyEvent(At, ByAgency, ByUser);

public sealed record DeviceEnrolled(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    string DeviceId, string EncryptionKey, byte[] SigningKey, string EnrolledBy, byte[] Statement, byte[] Signature)
    : AgencyEvent(At, ByAgency, ByUser);

public sealed record DeviceRevoked(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    string DeviceId, string RevokedBy, byte[] Statement, byte[] Signature)
    : AgencyEvent(At, ByAgency, ByUser);

public sealed record GenerationPublished(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    int Generation, string PublicKey, IReadOnlyDictionary<string, byte[]> WrappedForDevices)
    : AgencyEvent(At, ByAgency, ByUser);

/// <summary>An existing generation's key, wrapped to one more device by an admin's device that holds it.</summary>
public sealed record GenerationWrapped(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    int Generation, string DeviceId, string WrappedBy, byte[] Envelope)
    : AgencyEvent(At, ByAgency, ByUser);

/// <summary>A member registered a device for enrolment; nothing is trusted until an admin enrols it.</summary>
public sealed record DeviceRequested(
    DateTimeOffset At, string ByAgency, string ByUser, Guid CommandId,
    string DeviceId, string EncryptionKey, byte[] SigningKey)
    : AgencyEvent(At, ByAgency, ByUser);

internal static class AgencyEvents
{
    public static EventCodec<AgencyEvent> Codec { get; } = new EventCodec<AgencyEvent>()
        .Map<AgencyDefined>("agency.defined.v1")
        .Map<DeviceEnrolled>("agency.device-enrolled.v1")
        .Map<DeviceRevoked>("agency.device-revoked.v1")
        .Map<GenerationPublished>("agency.generation-published.v1")
        .Map<DeviceRequested>("agency.device-requested.v1")
        .Map<GenerationWrapped>("agency.generation-wrapped.v1");

    public static string StreamId(string agencyId) => $"agency/{agencyId}";
}

namespace Hub.Contracts.Agencies;

/// <summary>
/// A member asks for their new device to be enrolled: its public keys wait until an admin of the agency compares
/// the fingerprint with the member out of band and signs an enrolment. The request itself grants nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.RequestDevice")]
public sealed record RequestDevice(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string EncryptionKey,
    [property: Id(3)] byte[] SigningKey);

/// <summary>A device waiting for enrolment: its public keys, who asked and when.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.DeviceRequest")]
public sealed record DeviceRequest(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string EncryptionKey,
    [property: Id(2)] byte[] SigningKey,
    [property: Id(3)] string RequestedBy,
    [property: Id(4)] DateTimeOffset RequestedAt);

namespace Hub.Contracts.Agencies;

/// <summary>Enrols a device. The first device of an agency signs its own enrolment; later ones are signed by an active device.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.EnrolDevice")]
public sealed record EnrolDevice(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string EncryptionKey,
    [property: Id(3)] byte[] SigningKey,
    [property: Id(4)] string EnrolledBy,
    [property: Id(5)] byte[] Statement,
    [property: Id(6)] byte[] Signature);

/// <summary>Revokes a device; the agency's admins then publish a new generation wrapped to the remaining devices.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.RevokeDevice")]
public sealed record RevokeDevice(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string RevokedBy,
    [property: Id(3)] byte[] Statement,
    [property: Id(4)] byte[] Signature);

/// <summary>Publishes the next key generation with its private key wrapped (age) to every active device.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.PublishGeneration")]
public sealed record PublishGeneration(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] int Generation,
    [property: Id(2)] string PublicKey,
    [property: Id(3)] IReadOnlyDictionary<string, byte[]> WrappedForDevices);

/// <summary>
/// An older generation's private key wrapped (age) to one more active device, by an admin's device that holds it: a device
/// enrolled later then reads what was sealed to that generation. The hub cannot read or check the key; the receiving
/// client checks it against the generation's published public key.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.WrapGeneration")]
public sealed record WrapGeneration(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string WrappedBy,
    [property: Id(3)] byte[] Envelope);

/// <summary>Outcome of a key-directory command.</summary>
public enum KeyCommandOutcome
{
    Done = 1,
    Forbidden = 2,
    Invalid = 3,
    Conflict = 4,
    NotFound = 5,
}

[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.KeyCommandResult")]
public sealed record KeyCommandResult(
    [property: Id(0)] KeyCommandOutcome Outcome,
    [property: Id(1)] string? Problem = null);

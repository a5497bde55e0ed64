namespace Hub.Client.Wire;

/// <summary>A device waiting for enrolment, as the hub lists it. Unverified: an admin compares its fingerprint out of band.</summary>
/// <param name="DeviceId">The device id.</param>
/// <param name="EncryptionKey">X25519 key as an <c>age1…</c> recipient.</param>
/// <param name="SigningKey">Raw 32-byte Ed25519 public key.</param>
/// <param name="RequestedBy">The member (user id) who registered it.</param>
/// <param name="RequestedAt">When.</param>
public sealed record DeviceRequest(
    string DeviceId,
    string EncryptionKey,
    byte[] SigningKey,
    string RequestedBy,
    DateTimeOffset RequestedAt);

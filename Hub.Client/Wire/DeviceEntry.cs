namespace Hub.Client.Wire;

/// <summary>A member device as the hub's key directory lists it. Clients verify the statements themselves.</summary>
/// <param name="DeviceId">The device id.</param>
/// <param name="EncryptionKey">X25519 key as an <c>age1…</c> recipient.</param>
/// <param name="SigningKey">Raw 32-byte Ed25519 public key.</param>
/// <param name="EnrolledBy">The enrolling device.</param>
/// <param name="EnrolledAt">When the hub recorded the enrolment.</param>
/// <param name="Enrolment">The canonical enrolment statement.</param>
/// <param name="EnrolmentSignature">Its Ed25519 signature.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="Revocation">The canonical revocation statement, if any.</param>
/// <param name="RevocationSignature">Its Ed25519 signature, if any.</param>
public sealed record DeviceEntry(
    string DeviceId,
    string EncryptionKey,
    byte[] SigningKey,
    string EnrolledBy,
    DateTimeOffset EnrolledAt,
    byte[] Enrolment,
    byte[] EnrolmentSignature,
    DateTimeOffset? RevokedAt = null,
    byte[]? Revocation = null,
    byte[]? RevocationSignature = null);

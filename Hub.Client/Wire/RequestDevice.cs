namespace Hub.Client.Wire;

/// <summary>Registers a new device's public keys with the member's agency, for an admin to enrol after comparing fingerprints.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="DeviceId">The device id the member chose.</param>
/// <param name="EncryptionKey">X25519 key as an <c>age1…</c> recipient.</param>
/// <param name="SigningKey">Raw 32-byte Ed25519 public key.</param>
public sealed record RequestDevice(
    Guid CommandId,
    string DeviceId,
    string EncryptionKey,
    byte[] SigningKey);

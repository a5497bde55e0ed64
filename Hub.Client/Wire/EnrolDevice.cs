namespace Hub.Client.Wire;

/// <summary>Enrols a device with a signed Hub.Client enrolment statement (the first device signs its own).</summary>
/// <param name="CommandId">Idempotency key: a retry with the same id writes nothing new.</param>
/// <param name="DeviceId">The device.</param>
/// <param name="EncryptionKey">X25519 key as an <c>age1…</c> recipient.</param>
/// <param name="SigningKey">Raw 32-byte Ed25519 public key.</param>
/// <param name="EnrolledBy">The enrolling device.</param>
/// <param name="Statement">The canonical enrolment statement.</param>
/// <param name="Signature">The enrolling device's signature.</param>
public sealed record EnrolDevice(
    Guid CommandId,
    string DeviceId,
    string EncryptionKey,
    byte[] SigningKey,
    string EnrolledBy,
    byte[] Statement,
    byte[] Signature);

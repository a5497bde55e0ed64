namespace Hub.Client.Wire;

/// <summary>Revokes a device with a signed Hub.Client revocation statement.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="DeviceId">The revoked device.</param>
/// <param name="RevokedBy">The revoking device.</param>
/// <param name="Statement">The canonical revocation statement.</param>
/// <param name="Signature">The revoking device's signature.</param>
public sealed record RevokeDevice(
    Guid CommandId,
    string DeviceId,
    string RevokedBy,
    byte[] Statement,
    byte[] Signature);

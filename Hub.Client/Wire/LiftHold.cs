namespace Hub.Client.Wire;

/// <summary>Lifts the caller's hold early.</summary>
/// <param name="CommandId">Idempotency key.</param>
public sealed record LiftHold(
    Guid CommandId);

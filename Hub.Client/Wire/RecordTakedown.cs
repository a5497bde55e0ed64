namespace Hub.Client.Wire;

/// <summary>A hotline records a takedown step.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="Step">The step.</param>
public sealed record RecordTakedown(
    Guid CommandId,
    TakedownStep Step);

namespace Hub.Client.Wire;

/// <summary>Records an outcome; victims only with VictimIdentified.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Victims">Victims identified.</param>
public sealed record RecordOutcome(
    Guid CommandId,
    CaseOutcome Outcome,
    int Victims = 0);

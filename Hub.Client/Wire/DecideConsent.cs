namespace Hub.Client.Wire;

/// <summary>The originator's answer to a forward that needs consent.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="ToAgency">The agency to add.</param>
/// <param name="Grant">Whether consent is given.</param>
public sealed record DecideConsent(
    Guid CommandId,
    string ToAgency,
    bool Grant);

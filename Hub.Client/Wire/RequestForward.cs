namespace Hub.Client.Wire;

/// <summary>Asks to add an agency to the case; some handling codes need the originator's consent.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="ToAgency">The agency to add.</param>
public sealed record RequestForward(
    Guid CommandId,
    string ToAgency);

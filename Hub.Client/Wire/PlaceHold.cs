namespace Hub.Client.Wire;

/// <summary>A police unit delays the takedown notice.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="Until">End of the hold.</param>
/// <param name="Reason">Reason class.</param>
public sealed record PlaceHold(
    Guid CommandId,
    DateTimeOffset Until,
    HoldReason Reason);

namespace Hub.Gateway.Audit;

/// <summary>A witness's cosigned copy of one of the case's checkpoints.</summary>
/// <param name="Note">The hub's signed checkpoint note with the witness's tlog-cosignature line added.</param>
public sealed record CosignatureRequest(string Note);

namespace Hub.Client.Wire;

/// <summary>Body of <c>POST …/audit/cosignatures</c>: the hub's signed checkpoint with the witness's cosignature line added.</summary>
public sealed record CosignatureRequest(string Note);

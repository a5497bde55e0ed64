namespace Hub.Silo.Audit;

/// <summary>The outcome of adding a cosignature and, when added, the checkpoint with every cosignature so far.</summary>
public sealed record CosignatureResult(CosignatureOutcome Outcome, SignedCheckpoint? Checkpoint = null);

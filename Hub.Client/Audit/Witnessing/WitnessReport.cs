namespace Hub.Client.Audit.Witnessing;

/// <summary>The result of one witnessing round for a stream.</summary>
/// <param name="Outcome">How the new checkpoint relates to the one remembered.</param>
/// <param name="Previous">The checkpoint remembered before this round, if any.</param>
/// <param name="Current">The checkpoint verified (and now remembered).</param>
/// <param name="Cosigned">True when the witness's cosignature was handed to the hub and the hub stored it.</param>
public sealed record WitnessReport(WitnessOutcome Outcome, WitnessedCheckpoint? Previous, WitnessedCheckpoint Current, bool Cosigned);

namespace Hub.Client.Audit.Witnessing;

/// <summary>Where a witness keeps the last checkpoint it verified per origin. It must outlive the process.</summary>
public interface IWitnessMemory
{
    /// <summary>The last verified checkpoint of <paramref name="origin"/>, or null when the witness never saw it.</summary>
    Task<WitnessedCheckpoint?> RecallAsync(string origin, CancellationToken ct = default);

    /// <summary>Records <paramref name="checkpoint"/> as the latest verified one of its origin.</summary>
    Task RememberAsync(WitnessedCheckpoint checkpoint, CancellationToken ct = default);
}

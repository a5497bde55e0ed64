namespace Hub.Cli.Simulation;

/// <summary>What every case story of a run shares: the agencies, the counters, the delivery tracker.</summary>
internal sealed class SimulationWorld(IReadOnlyDictionary<string, SimulatedAgency> agencies, SimulationStats stats, DeliveryTracker tracker, CancellationToken stopping)
{
    public IReadOnlyDictionary<string, SimulatedAgency> Agencies { get; } = agencies;

    public SimulationStats Stats { get; } = stats;

    public DeliveryTracker Tracker { get; } = tracker;

    /// <summary>Ends with Ctrl+C: stories stop quietly, without counting the cancellation as an error.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Runs from the start of the first case.</summary>
    public System.Diagnostics.Stopwatch Clock { get; } = new();

    /// <summary>How long a recipient's inbox feed may take to show a referral before it counts as an error.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

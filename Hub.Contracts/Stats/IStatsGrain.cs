namespace Hub.Contracts.Stats;

/// <summary>The network's measurements (a single grain, key <see cref="Key"/>), fed by cases' outboxes.</summary>
[Alias("Hub.Contracts.Stats.IStatsGrain")]
public interface IStatsGrain : IGrainWithStringKey
{
    public const string Key = "network";

    /// <summary>Records a case event's measurements once: a repeated (case, version) is ignored.</summary>
    [Alias("RecordAsync")]
    Task RecordAsync(Guid caseId, long caseVersion, IReadOnlyList<CaseMeasure> measures, CancellationToken ct = default);

    [Alias("GetAsync")]
    Task<NetworkStats> GetAsync(CancellationToken ct = default);
}

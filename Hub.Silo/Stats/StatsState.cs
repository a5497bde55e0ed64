using Hub.Contracts.Stats;

namespace Hub.Silo.Stats;

/// <summary>The fold of the stats stream: histograms per hop and scope, victims per year, last case version seen.</summary>
public sealed class StatsState
{
    private readonly Dictionary<(Hop Hop, string Scope, string Key), DurationHistogram> _histograms = [];
    private readonly SortedDictionary<int, long> _victimsByYear = [];
    private readonly Dictionary<Guid, long> _lastVersion = [];

    /// <summary>Cases report in version order, so anything at or below the last version seen is a redelivery.</summary>
    public bool HasSeen(Guid caseId, long version) => _lastVersion.TryGetValue(caseId, out var last) && version <= last;

    public StatsState Apply(MeasuresRecorded recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        _lastVersion[recorded.CaseId] = recorded.CaseVersion;
        foreach (var measure in recorded.Measures)
        {
            if (measure.Hop is { } hop)
            {
                Histogram(hop, "all", "all").Add(measure.Seconds);
                Histogram(hop, "agency", measure.AgencyId).Add(measure.Seconds);
                Histogram(hop, "country", measure.Country).Add(measure.Seconds);
            }

            if (measure.Victims > 0)
            {
                _victimsByYear[measure.At.UtcDateTime.Year] = _victimsByYear.GetValueOrDefault(measure.At.UtcDateTime.Year) + measure.Victims;
            }
        }

        return this;
    }

    public NetworkStats Snapshot()
    {
        var hops = _histograms
            .OrderBy(h => h.Key.Hop).ThenBy(h => h.Key.Scope, StringComparer.Ordinal).ThenBy(h => h.Key.Key, StringComparer.Ordinal)
            .Select(h => new HopStats(h.Key.Hop, h.Key.Scope, h.Key.Key, h.Value.Count, h.Value.Percentile(0.5), h.Value.Percentile(0.9), h.Value.Percentile(0.99)))
            .ToList();
        var years = _victimsByYear.Select(y => new VictimYear(
            y.Key,
            y.Value,
            _victimsByYear.TryGetValue(y.Key - 1, out var before) && before > 0 ? Math.Round((y.Value - before) * 100.0 / before, 1) : null)).ToList();
        return new NetworkStats(hops, years);
    }

    private DurationHistogram Histogram(Hop hop, string scope, string key)
    {
        if (!_histograms.TryGetValue((hop, scope, key), out var histogram))
        {
            histogram = new DurationHistogram();
            _histograms[(hop, scope, key)] = histogram;
        }

        return histogram;
    }
}

using Hub.Contracts.Stats;
using Hub.Silo.EventSourcing;
using Hub.Silo.Journal;

namespace Hub.Silo.Stats;

/// <summary>A case's measurements as journaled by the stats grain (stream <c>stats/network</c>).</summary>
public sealed record MeasuresRecorded(Guid CaseId, long CaseVersion, IReadOnlyList<CaseMeasure> Measures);

/// <summary>Aggregates per-hop durations and victims identified, rebuilt from its own journal stream on activation.</summary>
public sealed class StatsGrain(IJournalStore journal) : Grain, IStatsGrain
{
    private static readonly EventCodec<MeasuresRecorded> Codec = new EventCodec<MeasuresRecorded>().Map<MeasuresRecorded>("stats.measures-recorded.v1");

    private EventSourcedState<StatsState, MeasuresRecorded> _stream = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventSourcedState<StatsState, MeasuresRecorded>(journal, "stats/network", new StatsState(), (s, e) => s.Apply(e), Codec);
        return _stream.LoadAsync(cancellationToken);
    }

    public async Task RecordAsync(Guid caseId, long caseVersion, IReadOnlyList<CaseMeasure> measures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(measures);
        if (measures.Count > 0 && !_stream.State.HasSeen(caseId, caseVersion))
        {
            await _stream.AppendAsync(new MeasuresRecorded(caseId, caseVersion, measures), ct);
        }
    }

    public Task<NetworkStats> GetAsync(CancellationToken ct) => Task.FromResult(_stream.State.Snapshot());
}

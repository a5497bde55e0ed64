using System.Collections.Immutable;
using Hub.Contracts.Agencies;
using Hub.Silo.EventSourcing;
using Hub.Silo.Journal;

namespace Hub.Silo.Agencies;

/// <summary>Events of the directory stream: ids only.</summary>
public sealed record AgencyListed(string AgencyId, DateTimeOffset At);

/// <summary>Which agency ids exist, as the fold of the <c>directory/agencies</c> stream.</summary>
public sealed class AgencyDirectoryGrain(IJournalStore journal, TimeProvider clock) : Grain, IAgencyDirectoryGrain
{
    private static readonly EventCodec<AgencyListed> Codec = new EventCodec<AgencyListed>().Map<AgencyListed>("directory.listed.v1");

    private EventSourcedState<ImmutableSortedSet<string>, AgencyListed> _stream = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventSourcedState<ImmutableSortedSet<string>, AgencyListed>(
            journal, "directory/agencies", ImmutableSortedSet.Create<string>(StringComparer.Ordinal), (ids, e) => ids.Add(e.AgencyId), Codec);
        return _stream.LoadAsync(cancellationToken);
    }

    public async Task RegisterAsync(string agencyId, CancellationToken ct)
    {
        if (!_stream.State.Contains(agencyId))
        {
            await _stream.AppendAsync(new AgencyListed(agencyId, clock.GetUtcNow()), ct);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([.. _stream.State]);
}

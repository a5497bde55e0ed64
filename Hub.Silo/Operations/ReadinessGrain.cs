using Hub.Contracts.Operations;
using Hub.Silo.Journal;
using Hub.Silo.Seeding;
using Orleans.Concurrency;

namespace Hub.Silo.Operations;

/// <summary>Answers readiness from inside the silo, so a "ready" proves grains run and the journal answers.</summary>
[StatelessWorker]
public sealed class ReadinessGrain(IJournalStore journal, DemoSeedStatus seed) : Grain, IReadinessGrain
{
    public async Task<bool> CheckAsync(CancellationToken ct) => seed.IsComplete && await journal.PingAsync(ct);
}

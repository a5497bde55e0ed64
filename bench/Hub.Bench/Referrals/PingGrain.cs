using Hub.Contracts;
using Hub.Contracts.Cases;

namespace Hub.Bench.Referrals;

/// <summary>Answers at once: what Orleans' scheduling and messaging cost on their own.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private static readonly CaseResult Done = new(CaseResultStatus.Done);

    public Task<CaseResult> PingAsync(Caller caller, SubmitMessage command, CancellationToken ct) => Task.FromResult(Done);
}

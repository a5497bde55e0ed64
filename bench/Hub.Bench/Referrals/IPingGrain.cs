using Hub.Contracts;
using Hub.Contracts.Cases;

namespace Hub.Bench.Referrals;

/// <summary>The grain-call baseline: same arguments as a referral submission, no work and no I/O.</summary>
[Alias("Hub.Bench.Referrals.IPingGrain")]
public interface IPingGrain : IGrainWithGuidKey
{
    [Alias("PingAsync")]
    Task<CaseResult> PingAsync(Caller caller, SubmitMessage command, CancellationToken ct = default);
}

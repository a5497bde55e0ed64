namespace Hub.Contracts.Operations;

/// <summary>Answers from inside the silo whether it can serve: the grain runs and its journal answers.</summary>
[Alias("Hub.Contracts.Operations.IReadinessGrain")]
public interface IReadinessGrain : IGrainWithIntegerKey
{
    [Alias("CheckAsync")]
    Task<bool> CheckAsync(CancellationToken ct = default);
}

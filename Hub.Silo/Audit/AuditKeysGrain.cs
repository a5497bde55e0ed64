using Hub.Contracts.Audit;
using Orleans.Concurrency;

namespace Hub.Silo.Audit;

/// <summary>Answers with the public log and witness keys from the silo's checkpoint service.</summary>
[StatelessWorker]
public sealed class AuditKeysGrain(ICheckpointService checkpoints, HubLogKeys keys) : Grain, IAuditKeysGrain
{
    public Task<AuditKeys> GetKeysAsync(CancellationToken ct) =>
        Task.FromResult(new AuditKeys(checkpoints.PublishedKeys, checkpoints.WitnessKeys, keys.KeyName));
}

namespace Hub.Contracts.Audit;

/// <summary>Publishes the hub's checkpoint verification keys (public, the same on every silo).</summary>
[Alias("Hub.Contracts.Audit.IAuditKeysGrain")]
public interface IAuditKeysGrain : IGrainWithIntegerKey
{
    [Alias("GetKeysAsync")]
    Task<AuditKeys> GetKeysAsync(CancellationToken ct = default);
}

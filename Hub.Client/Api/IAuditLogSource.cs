using Hub.Client.Wire;

namespace Hub.Client.Api;

/// <summary>What a witness asks of the hub about one stream. <see cref="HubApiClient"/> is the real one.</summary>
public interface IAuditLogSource
{
    /// <summary>The latest signed checkpoint of the stream.</summary>
    Task<AuditCheckpoint> GetCheckpointAsync(AuditScope scope, CancellationToken ct = default);

    /// <summary>The consistency proof from tree size <paramref name="fromSize"/> to <paramref name="toSize"/>.</summary>
    Task<AuditProof> GetConsistencyProofAsync(AuditScope scope, long fromSize, long toSize, CancellationToken ct = default);

    /// <summary>Hands the hub a cosigned copy of one of its checkpoints; returns the stored checkpoint.</summary>
    Task<AuditCheckpoint> AddCosignatureAsync(AuditScope scope, string cosignedNote, CancellationToken ct = default);
}

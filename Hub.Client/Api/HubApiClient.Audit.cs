using System.Globalization;
using Hub.Client.Wire;

namespace Hub.Client.Api;

// The audit endpoints, shared by case streams and agency key-directory streams (see AuditScope).
public sealed partial class HubApiClient : IAuditLogSource
{
    /// <summary><c>GET /api/audit/keys</c>: the hub's published log keys (compare with the keys you pinned out of band).</summary>
    public Task<AuditKeys> GetAuditKeysAsync(CancellationToken ct = default) => GetAsync<AuditKeys>("api/audit/keys", ct);

    /// <summary><c>GET …/audit/checkpoint</c>: the stream's latest signed checkpoint (signed on demand).</summary>
    public Task<AuditCheckpoint> GetCheckpointAsync(AuditScope scope, CancellationToken ct = default) =>
        GetAsync<AuditCheckpoint>($"{Path(scope)}/checkpoint", ct);

    /// <summary><c>GET …/audit/entries?after=N&amp;limit=L</c>: canonical entries after version <paramref name="after"/>.</summary>
    public Task<AuditEntryPage> GetAuditEntriesAsync(AuditScope scope, long after = 0, int limit = 100, CancellationToken ct = default) =>
        GetAsync<AuditEntryPage>(string.Create(CultureInfo.InvariantCulture, $"{Path(scope)}/entries?after={after}&limit={limit}"), ct);

    /// <summary><c>GET …/audit/proof/inclusion</c>: proof that the entry at <paramref name="version"/> is in the tree of <paramref name="treeSize"/>.</summary>
    public Task<AuditProof> GetInclusionProofAsync(AuditScope scope, long version, long treeSize, CancellationToken ct = default) =>
        GetAsync<AuditProof>(string.Create(CultureInfo.InvariantCulture, $"{Path(scope)}/proof/inclusion?version={version}&treeSize={treeSize}"), ct);

    /// <summary><c>GET …/audit/proof/consistency</c>: proof that the tree of <paramref name="fromSize"/> is a prefix of the tree of <paramref name="toSize"/>.</summary>
    public Task<AuditProof> GetConsistencyProofAsync(AuditScope scope, long fromSize, long toSize, CancellationToken ct = default) =>
        GetAsync<AuditProof>(string.Create(CultureInfo.InvariantCulture, $"{Path(scope)}/proof/consistency?from={fromSize}&to={toSize}"), ct);

    /// <summary><c>POST …/audit/cosignatures</c>: stores a witness's cosignature of one of the stream's checkpoints.</summary>
    public Task<AuditCheckpoint> AddCosignatureAsync(AuditScope scope, string cosignedNote, CancellationToken ct = default) =>
        SendAsync<AuditCheckpoint>(HttpMethod.Post, $"{Path(scope)}/cosignatures", new CosignatureRequest(cosignedNote), ct);

    private static string Path(AuditScope scope) => (scope ?? throw new ArgumentNullException(nameof(scope))).ApiPath;
}

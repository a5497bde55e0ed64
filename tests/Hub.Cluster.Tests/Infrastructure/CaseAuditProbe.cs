using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Client.Audit;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>
/// A participant's audit view of a case over the public audit API: signed checkpoints, consistency proofs and the
/// evidence bundle, each verified here against the hub key pinned at the start.
/// </summary>
public sealed class CaseAuditProbe(Uri gateway, string token) : IDisposable
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = gateway,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>A checkpoint as the client keeps it: size, root and the signed note.</summary>
    public sealed record Held(long TreeSize, byte[] RootHash, string Origin, string Note);

    /// <summary>The hub's current log key (vkey), as a client pins it on first contact.</summary>
    public async Task<string> HubKeyAsync()
    {
        var keys = await _http.GetFromJsonAsync<JsonElement>("/api/audit/keys");
        return keys.GetProperty("logKeys")[0].GetString()!;
    }

    /// <summary>The case's signed checkpoint now, checked against <paramref name="hubKey"/>.</summary>
    public async Task<Held> CheckpointAsync(Guid caseId, string hubKey)
    {
        var json = await _http.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit/checkpoint");
        var held = new Held(
            json.GetProperty("treeSize").GetInt64(),
            json.GetProperty("rootHash").GetBytesFromBase64(),
            json.GetProperty("origin").GetString()!,
            json.GetProperty("note").GetString()!);
        Assert.True(Ed25519NoteVerifier.TryParse(hubKey, out var verifier));
        Assert.True(Checkpoint.TryOpen(held.Note, held.Origin, verifier, out var opened), $"The checkpoint of {caseId} does not verify with the pinned hub key.");
        Assert.Equal(held.TreeSize, opened.Size);
        Assert.Equal(held.RootHash, opened.RootHash.ToArray());
        return held;
    }

    /// <summary>Exports the case's evidence bundle and verifies it offline with the pinned key.</summary>
    public async Task<EvidenceVerification> VerifyEvidenceAsync(Guid caseId, string hubKey)
    {
        var bundle = await Answered.ByHubAsync(() => _http.GetByteArrayAsync(new Uri($"/api/cases/{caseId}/audit/export", UriKind.Relative)));
        var verification = EvidenceBundleVerifier.Verify(bundle, hubKey);
        Assert.True(verification.IsValid, $"The evidence of {caseId} does not verify: {verification.Summary}");
        Assert.True(verification.HubKeyPinned);
        return verification;
    }

    /// <summary>Asserts that the tree the client held earlier is a prefix of the one verified now.</summary>
    public async Task AssertConsistentAsync(Guid caseId, Held earlier, long treeSize, byte[] rootHash)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var proof = await Answered.ByHubAsync(() => _http.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit/proof/consistency?from={earlier.TreeSize}&to={treeSize}"));
        var hashes = proof.GetProperty("hashes").EnumerateArray().SelectMany(h => h.GetBytesFromBase64()).ToArray();
        Assert.True(
            MerkleProofVerifier.VerifyConsistency(earlier.TreeSize, treeSize, earlier.RootHash, rootHash, hashes),
            $"The history of {caseId} at size {treeSize} does not extend the checkpoint held at size {earlier.TreeSize}.");
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using Hub.Client.Audit;
using Hub.Contracts.Audit;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Evidence;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;

namespace Hub.Gateway.Tests.Audit;

[Collection(AuditHubGroup.Name)]
public sealed class CaseAuditApiTests(AuditHub hub)
{
    private const string Auditor = "auditor@be-hotline.test";

    [Fact]
    public async Task ExportByAParticipantsAuditorVerifiesOfflineWithThePinnedHubKey()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var client = hub.ClientFor(Auditor);
        var logKey = await AuditedCase.LogKeyAsync(client);

        var response = await client.GetAsync(audited.Path("/export"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsByteArrayAsync();
        var result = EvidenceBundleVerifier.Verify(json, logKey.VerifierKey);
        Assert.True(result.IsValid, result.Failure);
        Assert.True(result.HubKeyPinned);
        Assert.True(EvidenceBundleJson.TryParse(json, out var bundle, out _));
        Assert.Equal(bundle!.Entries.Count, result.TreeSize);
        Assert.Contains(bundle.Entries, e => e.Type == "case.envelope-fetched.v1");
        Assert.Equal("case.audit-exported.v1", bundle.Entries[^1].Type);
        Assert.Equal(KeyFingerprint.Of(logKey.VerifierKey), result.HubKeyFingerprint);
        Assert.Equal(KeyFingerprint.Of(hub.Witness.Verifier.VerifierKey), Assert.Single(bundle.WitnessKeys).Fingerprint);
    }

    [Fact]
    public async Task TheExportIsItselfInTheNextExportWhichProvesTheFirstCheckpointConsistent()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var client = hub.ClientFor("admin@be-police.test");

        var first = await client.GetByteArrayAsync(audited.Path("/export"));
        var second = await client.GetByteArrayAsync(audited.Path("/export"));

        Assert.True(EvidenceBundleJson.TryParse(first, out var before, out _));
        Assert.True(EvidenceBundleJson.TryParse(second, out var after, out _));
        var exports = after!.Entries.Where(e => e.Type == "case.audit-exported.v1").ToList();
        Assert.Equal(2, exports.Count);
        Assert.Equal(before!.Entries.Count, exports[0].Version);
        Assert.Equal(before.Checkpoint, Assert.Single(after.EarlierCheckpoints).Checkpoint);
        var result = EvidenceBundleVerifier.Verify(second);
        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(1, result.EarlierCheckpoints);
        Assert.False(result.HubKeyPinned);
    }

    [Fact]
    public async Task ANonParticipantGetsNotFoundOnEveryAuditEndpoint()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var outsider = hub.ClientFor("auditor@fr-hotline.test");
        using var note = JsonContent.Create(new { note = "x" });

        HttpResponseMessage[] responses =
        [
            await outsider.GetAsync(audited.Path("/checkpoint")),
            await outsider.GetAsync(audited.Path("/entries")),
            await outsider.GetAsync(audited.Path("/proof/inclusion?version=1&treeSize=1")),
            await outsider.GetAsync(audited.Path("/proof/consistency?from=1&to=2")),
            await outsider.PostAsync(audited.Path("/cosignatures"), note),
            await outsider.GetAsync(audited.Path("/export")),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/api/cases/{Guid.NewGuid()}/audit/checkpoint", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CaseWorkersSeeTheTrailButOnlyAuditorsAndAdminsExportIt()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var analyst = hub.ClientFor("analyst@be-hotline.test");

        var checkpoint = await analyst.GetAsync(audited.Path("/checkpoint"));
        var export = await analyst.GetAsync(audited.Path("/export"));

        Assert.Equal(HttpStatusCode.OK, checkpoint.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Fact]
    public async Task ServedEntriesAndProofsVerifyAgainstTheSignedCheckpoint()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var client = hub.ClientFor(Auditor);
        var logKey = await AuditedCase.LogKeyAsync(client);
        var older = await client.GetFromJsonAsync<AuditCheckpoint>(audited.Path("/checkpoint"));
        await client.GetAsync(audited.Path("/export")); // grows the stream by one entry

        var latest = await client.GetFromJsonAsync<AuditCheckpoint>(audited.Path("/checkpoint"));
        var page = await client.GetFromJsonAsync<AuditEntryPage>(audited.Path("/entries?after=0&limit=1000"));

        Assert.True(Checkpoint.TryOpen(latest!.Note, latest.Origin, logKey, out var signed));
        Assert.True(Checkpoint.TryOpen(older!.Note, older.Origin, logKey, out var signedOlder));
        Assert.True(signed.Size > signedOlder.Size);
        Assert.Equal(page!.StreamVersion, page.Entries.Count);
        foreach (var entry in page.Entries.Where(e => e.Version <= signed.Size))
        {
            var proof = await client.GetFromJsonAsync<AuditProof>(audited.Path($"/proof/inclusion?version={entry.Version}&treeSize={signed.Size}"));
            Assert.True(
                MerkleProofVerifier.VerifyInclusion(MerkleHash.HashLeaf(entry.Encoded), entry.Version - 1, signed.Size, Concat(proof!), signed.RootHash.Span),
                $"inclusion of version {entry.Version}");
        }

        var consistency = await client.GetFromJsonAsync<AuditProof>(audited.Path($"/proof/consistency?from={signedOlder.Size}&to={signed.Size}"));
        Assert.True(MerkleProofVerifier.VerifyConsistency(signedOlder.Size, signed.Size, signedOlder.RootHash.Span, signed.RootHash.Span, Concat(consistency!)));
    }

    [Fact]
    public async Task EntriesArePagedAfterAVersion()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var client = hub.ClientFor("investigator@be-police.test");

        var page = await client.GetFromJsonAsync<AuditEntryPage>(audited.Path("/entries?after=1&limit=2"));
        var invalid = await client.GetAsync(audited.Path("/entries?limit=0"));
        var beyond = await client.GetAsync(audited.Path($"/proof/inclusion?version=1&treeSize={page!.StreamVersion + 1}"));

        Assert.Equal([2L, 3L], page.Entries.Select(e => e.Version));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
    }

    [Fact]
    public async Task ACosignatureByTheConfiguredWitnessIsStoredServedAndExported()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var client = hub.ClientFor("investigator@be-police.test");
        var checkpoint = await client.GetFromJsonAsync<AuditCheckpoint>(audited.Path("/checkpoint"));
        Assert.True(SignedNote.TryParse(checkpoint!.Note, out var note));
        var cosigned = note.AddSignature(hub.Witness).Format();

        var posted = await client.PostAsJsonAsync(audited.Path("/cosignatures"), new { note = cosigned });
        var served = await client.GetFromJsonAsync<AuditCheckpoint>(audited.Path("/checkpoint"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains($"\u2014 {AuditHub.WitnessName} ", served!.Note, StringComparison.Ordinal);
        using var auditor = hub.ClientFor(Auditor);
        var bundle = await auditor.GetByteArrayAsync(audited.Path("/export"));
        var result = EvidenceBundleVerifier.Verify(bundle);
        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(1, result.EarlierCheckpoints); // the cosigned checkpoint, proven consistent with the export's
        Assert.Contains(AuditHub.WitnessName, result.Witnesses);
    }

    [Fact]
    public async Task ACosignatureByAnUnknownWitnessIsRefused()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var client = hub.ClientFor("investigator@be-police.test");
        var checkpoint = await client.GetFromJsonAsync<AuditCheckpoint>(audited.Path("/checkpoint"));
        using var stranger = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var signer = new Hub.Transparency.Cosignatures.Ed25519CosignatureSigner("witness.stranger.test", stranger, TimeProvider.System);
        Assert.True(SignedNote.TryParse(checkpoint!.Note, out var note));

        var posted = await client.PostAsJsonAsync(audited.Path("/cosignatures"), new { note = note.AddSignature(signer).Format() });
        var served = await client.GetFromJsonAsync<AuditCheckpoint>(audited.Path("/checkpoint"));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.DoesNotContain("witness.stranger.test", served!.Note, StringComparison.Ordinal);
    }

    private static byte[] Concat(AuditProof proof) => [.. proof.Hashes.SelectMany(h => h)];
}

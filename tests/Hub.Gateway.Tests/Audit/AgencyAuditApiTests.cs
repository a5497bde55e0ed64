using System.Net;
using Hub.Client.Api;
using Hub.Client.Audit.Witnessing;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Sdk;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;

namespace Hub.Gateway.Tests.Audit;

/// <summary>Agencies witness each other's key directories through the SDK's <see cref="LogWitness"/>.</summary>
[Collection(AuditHubGroup.Name)]
public sealed class AgencyAuditApiTests(AuditHub hub) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-witness-").FullName;

    [Fact]
    public async Task AnotherAgencyWitnessesAKeyDirectoryAsItGrowsAndItsCosignatureIsServed()
    {
        var world = SdkWorld.Over(hub);
        using var audited = await TestAgencies.DefineAsync(world, TestAgencies.UniqueId("wit", "hotline"), AgencyKind.Hotline, "Hub.Analyst");
        using var witnessApi = new HubApiClient(await world.SignInAsync("investigator@be-police.test"));
        var hubKey = await PinnedHubKeyAsync(witnessApi);
        using var memory = new FileWitnessMemory(Path.Combine(_directory, "memory.json"));
        var witness = new LogWitness(witnessApi, [hubKey], memory, hub.Witness);
        var scope = AuditScope.Agency(audited.AgencyId);

        var first = await witness.WitnessAsync(scope);
        await audited.Admin.PublishNextGenerationAsync();
        var second = await witness.WitnessAsync(scope);
        var third = await witness.WitnessAsync(scope);
        var served = await witnessApi.GetCheckpointAsync(scope);

        Assert.Equal(WitnessOutcome.FirstSeen, first.Outcome);
        Assert.Equal(WitnessOutcome.Extended, second.Outcome);
        Assert.Equal(first.Current.TreeSize + 1, second.Current.TreeSize);
        Assert.Equal(WitnessOutcome.Unchanged, third.Outcome);
        Assert.True(first.Cosigned && second.Cosigned);
        Assert.Equal($"{hubKey.Name}/agency/{audited.AgencyId}", served.Origin);
        Assert.True(Checkpoint.TryOpen(served.Note, served.Origin, hubKey, [hub.Witness.Verifier], 1, out var cosigned));
        Assert.Equal(second.Current.TreeSize, cosigned.Size);
    }

    [Fact]
    public async Task OnlyTheAgencysOwnMembersReadEntriesWhileEveryMemberChecksProofs()
    {
        var world = SdkWorld.Over(hub);
        using var audited = await TestAgencies.DefineAsync(world, TestAgencies.UniqueId("ent", "police"), AgencyKind.PoliceUnit, "Hub.Investigator");
        using var outsider = new HubApiClient(await world.SignInAsync("analyst@fr-hotline.test"));
        var hubKey = await PinnedHubKeyAsync(outsider);
        var scope = AuditScope.Agency(audited.AgencyId);

        var checkpoint = await outsider.GetCheckpointAsync(scope);
        var page = await audited.Api.GetAuditEntriesAsync(scope, after: 0, limit: 1000);
        var refused = await Assert.ThrowsAsync<HubApiException>(() => outsider.GetAuditEntriesAsync(scope));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.True(Checkpoint.TryOpen(checkpoint.Note, checkpoint.Origin, hubKey, out var signed));
        Assert.Equal(page.StreamVersion, page.Entries.Count);
        Assert.Equal(
            ["agency.defined.v1", "agency.device-enrolled.v1", "agency.device-enrolled.v1", "agency.generation-published.v1"],
            page.Entries.Take(4).Select(e => e.Type));
        foreach (var entry in page.Entries.Where(e => e.Version <= signed.Size))
        {
            var proof = await outsider.GetInclusionProofAsync(scope, entry.Version, signed.Size);
            Assert.True(
                MerkleProofVerifier.VerifyInclusion(MerkleHash.HashLeaf(entry.Encoded), entry.Version - 1, signed.Size, [.. proof.Hashes.SelectMany(h => h)], signed.RootHash.Span),
                $"inclusion of version {entry.Version}");
        }
    }

    [Fact]
    public async Task UnknownAgenciesAreNotFoundAndBadArgumentsAreProblems()
    {
        var world = SdkWorld.Over(hub);
        using var api = new HubApiClient(await world.SignInAsync("analyst@be-hotline.test"));
        var unknown = AuditScope.Agency("no-such-agency");
        var known = AuditScope.Agency("be-hotline");
        using var anonymous = hub.CreateClient();

        var missing = await Assert.ThrowsAsync<HubApiException>(() => api.GetCheckpointAsync(unknown));
        var backwards = await Assert.ThrowsAsync<HubApiException>(() => api.GetConsistencyProofAsync(known, 3, 2));
        var beyond = await Assert.ThrowsAsync<HubApiException>(() => api.GetInclusionProofAsync(known, 1, 1_000_000));
        var forged = await Assert.ThrowsAsync<HubApiException>(() => api.AddCosignatureAsync(known, "not a note"));
        var noToken = await anonymous.GetAsync(new Uri("/api/agencies/be-hotline/audit/checkpoint", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.Status);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The hub's current log key. A real witness pins it out of band; the test reads what the hub publishes.</summary>
    private static async Task<Ed25519NoteVerifier> PinnedHubKeyAsync(HubApiClient api)
    {
        var keys = await api.GetAuditKeysAsync();
        Assert.True(Ed25519NoteVerifier.TryParse(keys.LogKeys[0], out var key));
        return key;
    }
}

using System.Net.Http.Json;
using Hub.Client.Audit;
using Hub.Contracts.Audit;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Transparency.Evidence;
using Hub.Transparency.Notes;

namespace Hub.Gateway.Tests.Audit;

/// <summary>
/// The acceptance matrix: a bundle exported by the hub, altered one way at a time, must fail offline verification with
/// a message that names what failed, both in the library and in `hub audit verify` run as a process.
/// </summary>
[Collection(AuditHubGroup.Name)]
public sealed class EvidenceTamperTests(AuditHub hub)
{
    public static TheoryData<string, string> Tampers => new()
    {
        { "edit-payload", "root: entries 1.." },
        { "reorder", "entry 2: encodes version 3" },
        { "delete", "entry 2: encodes version 3" },
        { "truncate", "tail truncated" },
        { "flip-signature", "checkpoint: the signature does not verify" },
        { "flip-witness-cosignature", $"witness '{AuditHub.WitnessName}'" },
        { "bad-consistency-proof", "consistency proof from size" },
        { "fork", "not by the pinned hub key" },
    };

    [Theory]
    [MemberData(nameof(Tampers))]
    public async Task ATamperedBundleFailsVerificationNamingTheFailure(string tamper, string expected)
    {
        var (bundle, hubKey) = await ExportWitnessedAsync();

        var tampered = EvidenceBundleJson.Serialize(EvidenceTampers.Apply(tamper, bundle));
        var result = EvidenceBundleVerifier.Verify(tampered, hubKey);
        var (exit, stdout, stderr) = await VerifyWithCliAsync(tampered, "--hub-key", hubKey);

        Assert.False(result.IsValid, tamper);
        Assert.Contains(expected, result.Failure, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.Equal($"FAIL {result.Failure}", stdout.TrimEnd());
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUntamperedBundleVerifiesWithTheCliAndPrintsTheRoot()
    {
        var (bundle, hubKey) = await ExportWitnessedAsync();
        var expected = EvidenceBundleVerifier.Verify(bundle, hubKey);

        var (exit, stdout, _) = await VerifyWithCliAsync(EvidenceBundleJson.Serialize(bundle), "--hub-fingerprint", KeyFingerprint.Of(hubKey));

        Assert.True(expected.IsValid, expected.Failure);
        Assert.Equal(0, exit);
        Assert.Equal($"OK {bundle.Entries.Count} {Convert.ToBase64String(expected.RootHash)}", stdout.TrimEnd());
    }

    [Fact]
    public async Task AForkSignedWithTheForgersOwnKeyVerifiesOnlyWithoutAPinAndShowsAnotherFingerprint()
    {
        var (bundle, hubKey) = await ExportWitnessedAsync();

        var forged = EvidenceBundleVerifier.Verify(EvidenceTampers.Fork(bundle));
        var (exit, _, stderr) = await VerifyWithCliAsync(EvidenceBundleJson.Serialize(EvidenceTampers.Fork(bundle)));

        Assert.True(forged.IsValid, forged.Failure);
        Assert.False(forged.HubKeyPinned);
        Assert.NotEqual(KeyFingerprint.Of(hubKey), forged.HubKeyFingerprint);
        Assert.Equal(0, exit);
        Assert.Contains("compare it out of band", stderr, StringComparison.Ordinal);
    }

    /// <summary>A worked case whose checkpoint a witness cosigned before an auditor exported it (so the bundle has an earlier checkpoint).</summary>
    private async Task<(EvidenceBundle Bundle, string HubKey)> ExportWitnessedAsync()
    {
        var audited = await AuditedCase.OpenAndWorkAsync(hub);
        using var witness = hub.ClientFor("investigator@be-police.test");
        var checkpoint = await witness.GetFromJsonAsync<AuditCheckpoint>(audited.Path("/checkpoint"));
        Assert.True(SignedNote.TryParse(checkpoint!.Note, out var note));
        (await witness.PostAsJsonAsync(audited.Path("/cosignatures"), new { note = note.AddSignature(hub.Witness).Format() })).EnsureSuccessStatusCode();

        using var auditor = hub.ClientFor("auditor@be-hotline.test");
        var hubKey = (await AuditedCase.LogKeyAsync(auditor)).VerifierKey;
        var json = await auditor.GetByteArrayAsync(audited.Path("/export"));
        Assert.True(EvidenceBundleJson.TryParse(json, out var bundle, out var problem), problem);
        Assert.NotEmpty(bundle!.EarlierCheckpoints);
        return (bundle, hubKey);
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> VerifyWithCliAsync(byte[] bundle, params string[] options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hub-evidence-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, bundle);
        try
        {
            using var cli = new HubCli();
            return await cli.RunAsync(["audit", "verify", path, .. options]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

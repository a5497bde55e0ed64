using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Cli;

/// <summary>
/// Device keys through `hub` as two people on two terminals do it (member: init and read the fingerprint out;
/// admin: enrol by that fingerprint), and the one-line failures around keys: no device, not enrolled, wrong
/// passphrase, revoked, invalid content. Every run is hub.dll as a process against a gateway process.
/// </summary>
public sealed class CliKeysTests(GatewayProcessFixture fixture) : IClassFixture<GatewayProcessFixture>, IDisposable
{
    private const string Passphrase = "correct horse battery staple (test only)";
    private readonly HubCli _cli = new() { Environment = { ["HUB_PASSPHRASE"] = Passphrase } };

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task AnAdminEnrolsOnlyTheWaitingDeviceWithTheFingerprintTheMemberReadsOut()
    {
        await LoginAsync("admin", "de-hotline");
        await LoginAsync("analyst", "de-hotline");
        Assert.Equal(0, (await _cli.RunAsync("device", "init", "--profile", "admin@de-hotline")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("device", "enroll", "--profile", "admin@de-hotline")).ExitCode);

        var init = await _cli.RunAsync("device", "init", "--profile", "analyst@de-hotline", "--device-id", "analyst-laptop");
        var fingerprint = JsonDocument.Parse((await _cli.RunAsync("device", "show", "--profile", "analyst@de-hotline", "--json")).Output).RootElement.GetProperty("fingerprint").GetString()!;
        var wrong = await _cli.RunAsync("device", "enroll", "--profile", "admin@de-hotline", "--member", "0000 0000 0000 0000 0000 0000 0000 0000 0000 0000");
        var byIdOnly = await _cli.RunAsync("device", "enroll", "--profile", "admin@de-hotline", "--member", "analyst-laptop");
        var waiting = Json(await _cli.RunAsync("agency", "keys", "--profile", "admin@de-hotline", "--json"));
        var enrolled = await _cli.RunAsync("device", "enroll", "--profile", "admin@de-hotline", "--member", fingerprint.ToLowerInvariant());
        var after = Json(await _cli.RunAsync("agency", "keys", "--profile", "admin@de-hotline", "--json"));
        var shown = await _cli.RunAsync("device", "show", "--profile", "analyst@de-hotline");

        Assert.Equal(0, init.ExitCode);
        Assert.Contains($"Fingerprint: {fingerprint}", init.Output, StringComparison.Ordinal);
        Assert.Contains("Waiting for enrolment", init.Output, StringComparison.Ordinal);
        Assert.Equal((2, 2), (wrong.ExitCode, byIdOnly.ExitCode));
        Assert.Contains("no device of de-hotline waits with fingerprint", wrong.Error, StringComparison.Ordinal);
        Assert.Contains(fingerprint, byIdOnly.Error, StringComparison.Ordinal);
        Assert.Equal("analyst-laptop", Assert.Single(waiting.GetProperty("waiting").EnumerateArray()).GetProperty("deviceId").GetString());
        Assert.Single(waiting.GetProperty("devices").EnumerateArray());
        Assert.Equal(0, enrolled.ExitCode);
        Assert.Contains("Generation 2 is current, wrapped to 2 active device(s)", enrolled.Output, StringComparison.Ordinal);
        Assert.Empty(after.GetProperty("waiting").EnumerateArray());
        var member = after.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("deviceId").GetString() == "analyst-laptop");
        Assert.Equal((fingerprint, true), (member.GetProperty("fingerprint").GetString(), member.GetProperty("verified").GetBoolean()));
        Assert.Contains("(enrolled)", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyAndContentProblemsAreOneLineSayingWhatToDoWithTheirExitCode()
    {
        await LoginAsync("analyst", "fr-hotline");
        await LoginAsync("admin", "fr-hotline");
        var caseId = (await _cli.RunAsync("case", "open", "--hosting-country", "FR", "--profile", "analyst@fr-hotline")).Output.Trim();
        string[] refer = ["refer", caseId, "--to", "fr-police", "--from-synthetic", "--profile", "analyst@fr-hotline"];

        var noDevice = await _cli.RunAsync(refer);
        await _cli.RunAsync("device", "init", "--profile", "analyst@fr-hotline");
        var notEnrolled = await _cli.RunAsync(refer);
        await _cli.RunAsync("device", "init", "--profile", "admin@fr-hotline");
        await _cli.RunAsync("device", "enroll", "--profile", "admin@fr-hotline");
        var fingerprint = Json(await _cli.RunAsync("device", "show", "--profile", "analyst@fr-hotline", "--json")).GetProperty("fingerprint").GetString()!;
        await _cli.RunAsync("device", "enroll", "--profile", "admin@fr-hotline", "--member", fingerprint);
        _cli.Environment["HUB_PASSPHRASE"] = "not the passphrase of this device";
        var wrongPassphrase = await _cli.RunAsync(refer);
        _cli.Environment["HUB_PASSPHRASE"] = Passphrase;
        var draft = Path.Combine(_cli.ConfigDirectory, "draft.json");
        await File.WriteAllTextAsync(draft, """{"schema":"hub.referral-content/v1","kind":"referral","items":[]}""");
        var invalid = await _cli.RunAsync("refer", caseId, "--to", "fr-police", "--file", draft, "--profile", "analyst@fr-hotline");
        var otherCodes = await _cli.RunAsync([.. refer, "--handling", "H0"]);
        var view = Json(await _cli.RunAsync("case", "show", caseId, "--json", "--profile", "analyst@fr-hotline"));

        Assert.Equal((6, 6, 6, 2, 2), (noDevice.ExitCode, notEnrolled.ExitCode, wrongPassphrase.ExitCode, invalid.ExitCode, otherCodes.ExitCode));
        Assert.Contains("has no device key; run: hub device init", noDevice.Error, StringComparison.Ordinal);
        Assert.Contains($"is not enrolled in fr-hotline yet; ask an admin of fr-hotline to run: hub device enroll --member '{fingerprint}'", notEnrolled.Error, StringComparison.Ordinal);
        Assert.Contains("wrong passphrase", wrongPassphrase.Error, StringComparison.Ordinal);
        Assert.Contains("is not valid referral content, nothing was sealed", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("$.source", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("the case carries H1 TLP:AMBER", otherCodes.Error, StringComparison.Ordinal);
        Assert.All(new[] { noDevice, notEnrolled, wrongPassphrase, invalid, otherCodes }, run =>
        {
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("hub: ", run.Error, StringComparison.Ordinal);
        });
        Assert.Empty(view.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task ARevokedDeviceIsToldSoAndTheAgencyKeyMovesOn()
    {
        await SetUpAgencyAsync("us-hotline", "analyst");
        await SetUpAgencyAsync("us-police", "investigator");
        var caseId = (await _cli.RunAsync("case", "open", "--hosting-country", "US", "--profile", "analyst@us-hotline")).Output.Trim();
        var referred = await _cli.RunAsync("refer", caseId, "--to", "us-police", "--from-synthetic", "--seed", "11", "--profile", "analyst@us-hotline");
        var read = await _cli.RunAsync("case", "show", caseId, "--profile", "investigator@us-police");
        var device = Json(await _cli.RunAsync("device", "show", "--profile", "investigator@us-police", "--json")).GetProperty("deviceId").GetString()!;

        var revoked = await _cli.RunAsync("device", "revoke", device, "--profile", "admin@us-police");
        var refused = await _cli.RunAsync("case", "show", caseId, "--profile", "investigator@us-police");
        var directory = await _cli.RunAsync("agency", "keys", "us-police", "--profile", "analyst@us-hotline");

        Assert.Equal((0, 0, 0), (referred.ExitCode, read.ExitCode, revoked.ExitCode));
        Assert.Contains("signature OK: us-hotline device", read.Output, StringComparison.Ordinal);
        Assert.Contains("Generation 3 replaces generation 2", revoked.Output, StringComparison.Ordinal);
        Assert.Equal(6, refused.ExitCode);
        Assert.Contains($"device {device} was revoked", refused.Error, StringComparison.Ordinal);
        Assert.Contains("revoked", directory.Output.Split('\n').Single(l => l.Contains(device, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeviceEnrolledAfterAReferralOpensItBecauseTheEnrolmentWrapsOlderGenerations()
    {
        await SetUpAgencyAsync("be-hotline", "analyst");
        await SetUpAgencyAsync("be-police", "investigator");
        var caseId = (await _cli.RunAsync("case", "open", "--hosting-country", "BE", "--profile", "analyst@be-hotline")).Output.Trim();
        Assert.Equal(0, (await _cli.RunAsync("refer", caseId, "--to", "be-police", "--from-synthetic", "--seed", "5", "--profile", "analyst@be-hotline")).ExitCode);
        string[] laterDevices = ["new-laptop", "skipped-laptop"];
        var enrolments = new List<(int ExitCode, string Output, string Error)>();
        foreach (var device in laterDevices)
        {
            Assert.Equal(0, (await _cli.RunAsync("login", "--hub", fixture.Gateway.BaseAddress.ToString(), "--user", "investigator@be-police.test", "--profile", device)).ExitCode);
            Assert.Equal(0, (await _cli.RunAsync("device", "init", "--profile", device, "--device-id", device)).ExitCode);
            var fingerprint = Json(await _cli.RunAsync("device", "show", "--profile", device, "--json")).GetProperty("fingerprint").GetString()!;
            var enroll = new List<string> { "device", "enroll", "--profile", "admin@be-police", "--member", fingerprint };
            if (device == "skipped-laptop")
            {
                enroll.Add("--no-older-generations");
            }

            enrolments.Add(await _cli.RunAsync([.. enroll]));
        }

        var opened = await _cli.RunAsync("case", "show", caseId, "--profile", "new-laptop");
        var skipped = await _cli.RunAsync("case", "show", caseId, "--profile", "skipped-laptop");

        Assert.All(enrolments, e => Assert.Equal(0, e.ExitCode));
        Assert.Contains("Older generation(s) 1, 2 wrapped to new-laptop too", enrolments[0].Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Older generation", enrolments[1].Output, StringComparison.Ordinal);
        Assert.Equal(0, opened.ExitCode);
        Assert.Contains("signature OK: be-hotline device", opened.Output, StringComparison.Ordinal);
        Assert.Contains("sealed to a key generation this device never received", skipped.Output, StringComparison.Ordinal);
    }

    private async Task LoginAsync(string role, string agency) =>
        Assert.Equal(0, (await _cli.RunAsync("login", "--hub", fixture.Gateway.BaseAddress.ToString(), "--user", $"{role}@{agency}.test", "--profile", $"{role}@{agency}")).ExitCode);

    private async Task SetUpAgencyAsync(string agency, string role)
    {
        await LoginAsync("admin", agency);
        await LoginAsync(role, agency);
        await _cli.RunAsync("device", "init", "--profile", $"admin@{agency}");
        await _cli.RunAsync("device", "enroll", "--profile", $"admin@{agency}");
        await _cli.RunAsync("device", "init", "--profile", $"{role}@{agency}");
        var fingerprint = Json(await _cli.RunAsync("device", "show", "--profile", $"{role}@{agency}", "--json")).GetProperty("fingerprint").GetString()!;
        Assert.Equal(0, (await _cli.RunAsync("device", "enroll", "--profile", $"admin@{agency}", "--member", fingerprint)).ExitCode);
    }

    private static JsonElement Json((int ExitCode, string Output, string Error) run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }
}

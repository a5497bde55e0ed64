using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Cli;

/// <summary>
/// Attachments through `hub` as a process against a gateway process that takes 64 KiB chunks: referred with
/// `refer --attach`, listed by `case show`, opened by the recipient with `attachment get`; an upload killed midway and
/// continued by running the same command again; stored bytes tampered with on the hub.
/// </summary>
public sealed class CliAttachmentTests(SmallChunkGatewayFixture fixture) : IClassFixture<SmallChunkGatewayFixture>, IDisposable
{
    private const string Passphrase = "correct horse battery staple (test only)";
    private readonly HubCli _cli = new() { Environment = { ["HUB_PASSPHRASE"] = Passphrase } };

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task AMultiMebibyteAttachmentReferredThroughTheCliOpensByteIdenticalForTheRecipient()
    {
        var (analyst, investigator, caseId) = await CaseBetweenAsync("be-hotline", "analyst", "nl-police", "investigator");
        var plain = RandomBytes(1, 3 * 1024 * 1024 + 123);
        var file = await WriteAsync("capture.bin", plain);

        var referred = await _cli.RunAsync("refer", caseId, "--to", "nl-police", "--from-synthetic", "--attach", file, "--progress", "lines", "--json", "--profile", analyst);
        var shown = await _cli.RunAsync("case", "show", caseId, "--profile", investigator);
        var json = Json(referred);
        var messageId = json.GetProperty("messageId").GetString()!;
        var reference = Assert.Single(json.GetProperty("attachments").EnumerateArray());
        var output = Path.Combine(_cli.ConfigDirectory, "received.bin");
        var got = await _cli.RunAsync("attachment", "get", caseId, messageId, "capture.bin", "-o", output, "--profile", investigator);

        Assert.Contains("capture.bin: 100%", referred.Error, StringComparison.Ordinal);
        Assert.Equal(("capture.bin", "application/octet-stream", (long)plain.Length), (reference.GetProperty("fileName").GetString(), reference.GetProperty("mediaType").GetString(), reference.GetProperty("size").GetInt64()));
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains($"attachment: capture.bin (application/octet-stream, {plain.Length} bytes", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"id {reference.GetProperty("id").GetString()}", shown.Output, StringComparison.Ordinal);
        Assert.True(got.ExitCode == 0, got.Error);
        Assert.Contains("signature and digests verified", got.Output, StringComparison.Ordinal);
        Assert.Equal(plain, await File.ReadAllBytesAsync(output));
        Assert.Empty(LocalUploadSlots(analyst));
    }

    [Fact]
    public async Task AnUploadKilledMidwayContinuesWhenTheSameCommandRunsAgain()
    {
        var (analyst, investigator, caseId) = await CaseBetweenAsync("de-hotline", "analyst", "de-police", "investigator");
        // Large enough (512 chunks of 64 KiB, each synced by the hub) that the rest of the upload outlasts the
        // moment between the 10% line and the kill even on an idle machine.
        var plain = RandomBytes(2, 32 * 1024 * 1024);
        var file = await WriteAsync("large.bin", plain);
        string[] refer = ["refer", caseId, "--to", "de-police", "--from-synthetic", "--attach", file, "--progress", "lines", "--json", "--profile", analyst];

        // First run: killed once the hub holds a tenth of the sealed file.
        using (var first = _cli.Start(refer))
        {
            _ = first.StandardOutput.ReadToEndAsync();
            string? line;
            while ((line = await first.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120))) is not null && line != "large.bin: 10%")
            {
            }

            Assert.Equal("large.bin: 10%", line);
            Assert.False(first.HasExited);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var slot = Assert.Single(LocalUploadSlots(analyst), f => f.EndsWith(".json", StringComparison.Ordinal));
        var attachmentId = JsonDocument.Parse(await File.ReadAllTextAsync(slot)).RootElement.GetProperty("attachmentId").GetString();
        var nothingYet = Json(await _cli.RunAsync("case", "show", caseId, "--json", "--profile", analyst));

        var second = await _cli.RunAsync(refer);
        var reference = Assert.Single(Json(second).GetProperty("attachments").EnumerateArray());
        var messageId = Json(second).GetProperty("messageId").GetString()!;
        var output = Path.Combine(_cli.ConfigDirectory, "large-received.bin");
        var got = await _cli.RunAsync("attachment", "get", caseId, messageId, attachmentId!, "-o", output, "--profile", investigator);

        Assert.Empty(nothingYet.GetProperty("messages").EnumerateArray());
        Assert.Contains("large.bin: resuming at", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("large.bin: 0%", second.Error, StringComparison.Ordinal);
        Assert.Equal(attachmentId, reference.GetProperty("id").GetString());
        Assert.True(got.ExitCode == 0, got.Error);
        Assert.Equal(plain, await File.ReadAllBytesAsync(output));
        Assert.Empty(LocalUploadSlots(analyst));
    }

    [Fact]
    public async Task ATamperedAttachmentIsOneLineAndExitSevenAndNothingIsWritten()
    {
        var (analyst, investigator, caseId) = await CaseBetweenAsync("fr-hotline", "analyst", "fr-police", "investigator");
        var file = await WriteAsync("evidence.pdf", RandomBytes(3, 300_000));
        var referred = Json(await _cli.RunAsync("refer", caseId, "--to", "fr-police", "--from-synthetic", "--attach", file, "--json", "--profile", analyst));
        var attachmentId = Guid.Parse(Assert.Single(referred.GetProperty("attachments").EnumerateArray()).GetProperty("id").GetString()!);
        var stored = Path.Combine(fixture.DataDirectory, "attachments", Guid.Parse(caseId).ToString("N"), $"{attachmentId:N}.{Convert.ToHexStringLower("fr-hotline"u8)}");
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[^100] ^= 0x01;
        await File.WriteAllBytesAsync(stored, bytes);
        var output = Path.Combine(_cli.ConfigDirectory, "evidence-received.pdf");

        var got = await _cli.RunAsync("attachment", "get", caseId, referred.GetProperty("messageId").GetString()!, "evidence.pdf", "-o", output, "--profile", investigator);

        Assert.Equal(7, got.ExitCode);
        var line = Assert.Single(got.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hub: the message does not match what its sender signed", line, StringComparison.Ordinal);
        Assert.Contains("sealed digest", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_cli.ConfigDirectory, "*.partial"));
    }

    private async Task<(string Sender, string Recipient, string CaseId)> CaseBetweenAsync(string hotline, string analyst, string police, string investigator)
    {
        await SetUpAgencyAsync(hotline, analyst);
        await SetUpAgencyAsync(police, investigator);
        var sender = $"{analyst}@{hotline}";
        var opened = await _cli.RunAsync("case", "open", "--hosting-country", "NL", "--profile", sender);
        Assert.True(opened.ExitCode == 0, opened.Error);
        return (sender, $"{investigator}@{police}", opened.Output.Trim());
    }

    private async Task SetUpAgencyAsync(string agency, string role)
    {
        foreach (var who in new[] { "admin", role })
        {
            Assert.Equal(0, (await _cli.RunAsync("login", "--hub", fixture.Gateway.BaseAddress.ToString(), "--user", $"{who}@{agency}.test", "--profile", $"{who}@{agency}")).ExitCode);
            Assert.Equal(0, (await _cli.RunAsync("device", "init", "--profile", $"{who}@{agency}", "--work-factor", "12")).ExitCode);
        }

        Assert.Equal(0, (await _cli.RunAsync("device", "enroll", "--profile", $"admin@{agency}")).ExitCode);
        var fingerprint = Json(await _cli.RunAsync("device", "show", "--profile", $"{role}@{agency}", "--json")).GetProperty("fingerprint").GetString()!;
        Assert.Equal(0, (await _cli.RunAsync("device", "enroll", "--profile", $"admin@{agency}", "--member", fingerprint)).ExitCode);
    }

    private async Task<string> WriteAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_cli.ConfigDirectory, "files")).FullName, name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private string[] LocalUploadSlots(string profile)
    {
        var folder = Path.Combine(_cli.ConfigDirectory, "uploads", profile);
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static JsonElement Json((int ExitCode, string Output, string Error) run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }
}

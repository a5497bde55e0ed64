// What forwarding a referral with an attachment costs, against the built gateway as a process, in one run:
//   download   the police unit downloads the sealed attachment and discards it (the floor: one pass over the bytes)
//   rewrap     the police unit prepares a re-wrap of the message with the attachment for an added unit: opens the
//              message, downloads the whole sealed file, checks its SHA-256 against the signed reference, re-wraps the
//              header, signs (PrepareRewrapAsync; not sent, so it can repeat)
//   message    the same re-wrap for a message of another case without attachments (what a forward cost before)
//   open       the police unit (an original recipient) opens the attachment
//   forwarded  the added unit opens it with the key from its re-wrapped header
// Rounds are interleaved in alternating order; medians and per-round ratios are printed with the load average.
using System.Diagnostics;
using System.Globalization;
using Hub.Client.Api;
using Hub.Client.Content;
using Hub.Client.Keys;
using Hub.Client.Wire;
using Hub.Testing;

namespace Hub.Bench.Forwarding;

public static class ForwardAttachmentBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sizeMib = CommandLine.Option(args, "--size-mib", 64);
        var rounds = CommandLine.Option(args, "--rounds", 5);
        var directory = Directory.CreateTempSubdirectory("hub-bench-fwd-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(directory.FullName);
            output.WriteLine($"forwarding an attachment of {sizeMib} MiB through {gateway.BaseAddress}, {rounds} rounds, load {LoadAverage.Now}");
            using var hotline = await DeskAsync(gateway, "bench-fwd-hotline", "Hub.Analyst");
            using var police = await DeskAsync(gateway, "bench-fwd-police", "Hub.Investigator");
            using var added = await DeskAsync(gateway, "bench-fwd-added", "Hub.Investigator");

            var plain = new byte[sizeMib * 1024 * 1024];
            new Random(1).NextBytes(plain);
            var (withAttachment, messageId, reference) = await ReferAsync(hotline.Workspace, police.Workspace.AgencyId, plain);
            var (plainCase, plainMessage, _) = await ReferAsync(hotline.Workspace, police.Workspace.AgencyId, null);
            foreach (var caseId in new[] { withAttachment, plainCase })
            {
                await police.Workspace.Api.RequestForwardAsync(caseId, new RequestForward(Guid.NewGuid(), added.Workspace.AgencyId));
            }

            await police.Workspace.RewrapAsync(withAttachment, messageId, added.Workspace.AgencyId);
            var subjects = new (string Name, Func<Task> Run)[]
            {
                ("download", () => police.Workspace.Api.DownloadAttachmentAsync(withAttachment, reference.Id, Stream.Null)),
                ("rewrap", () => police.Workspace.PrepareRewrapAsync(withAttachment, messageId, added.Workspace.AgencyId)),
                ("message", () => police.Workspace.PrepareRewrapAsync(plainCase, plainMessage, added.Workspace.AgencyId)),
                ("open", () => police.Workspace.OpenAttachmentAsync(withAttachment, messageId, reference.Id, Stream.Null)),
                ("forwarded", () => added.Workspace.OpenAttachmentAsync(withAttachment, messageId, reference.Id, Stream.Null)),
            };

            var seconds = subjects.ToDictionary(s => s.Name, _ => new List<double>(), StringComparer.Ordinal);
            foreach (var (_, run) in subjects)
            {
                await run(); // untimed warm-up: JIT, keys unlocked, connections open
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, run) in round % 2 == 0 ? subjects : subjects.Reverse())
                {
                    var clock = Stopwatch.StartNew();
                    await run();
                    seconds[name].Add(clock.Elapsed.TotalSeconds);
                }
            }

            foreach (var (name, _) in subjects)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-10} median {Median(seconds[name]) * 1000,8:0.0} ms"));
            }

            Ratio(output, seconds, "rewrap", "download");
            Ratio(output, seconds, "message", "download");
            Ratio(output, seconds, "forwarded", "open");
            output.WriteLine($"load after: {LoadAverage.Now}");
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(Guid CaseId, Guid MessageId, AttachmentReference Reference)> ReferAsync(AgencyWorkspace hotline, string police, byte[]? attachment)
    {
        var caseId = Guid.NewGuid();
        await hotline.Api.OpenCaseAsync(new OpenCaseRequest(
            caseId, Guid.NewGuid(), Priority.High, CaseCategory.AbuseMaterial, "LU", new CaseHandling("H1", "TLP:AMBER"), DateTimeOffset.UtcNow));
        var references = new List<AttachmentReference>();
        if (attachment is not null)
        {
            references.Add(await hotline.UploadAttachmentAsync(caseId, new MemoryStream(attachment), "capture.bin", "application/octet-stream", [police]));
        }

        var content = SyntheticContent.CreateReferral(1, priority: CasePriority.High) with { Attachments = references };
        var (messageId, _) = await hotline.ReferAsync(caseId, ReferralContentCodec.Encode(content, new ContentContext(CasePriority.High)), [police]);
        return (caseId, messageId, references.FirstOrDefault()!);
    }

    /// <summary>An agency with keys (its admin's device founds the directory) and a case worker on that device.</summary>
    private static async Task<Desk> DeskAsync(GatewayProcess gateway, string agencyId, string role)
    {
        string admin;
        string worker;
        using (var idp = new DevIdentityClient(gateway.BaseAddress))
        {
            admin = await idp.TokenForRolesAsync(agencyId, ["Hub.AgencyAdmin"]);
            worker = await idp.TokenForRolesAsync(agencyId, [role]);
        }

        using (var api = new HubApiClient(HubEndpoint.WithToken(gateway.BaseAddress, admin)))
        {
            await api.DefineAgencyAsync(agencyId, new AgencyDefinition(role == "Hub.Analyst" ? AgencyKind.Hotline : AgencyKind.PoliceUnit, "LU", agencyId, null));
        }

        var device = DeviceKey.Generate($"{agencyId}-bench-device");
        using (var founder = new AgencyWorkspace(new HubApiClient(HubEndpoint.WithToken(gateway.BaseAddress, admin)), agencyId, device))
        {
            await founder.EnsureKeysAsync();
            founder.Api.Dispose();
        }

        return new Desk(new AgencyWorkspace(new HubApiClient(HubEndpoint.WithToken(gateway.BaseAddress, worker)), agencyId, device), device);
    }

    private static void Ratio(TextWriter output, Dictionary<string, List<double>> seconds, string subject, string baseline) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {subject} / {baseline}: {Median(seconds[subject]) / Median(seconds[baseline]):0.00}x (rounds: {string.Join(", ", seconds[subject].Zip(seconds[baseline], (s, b) => (s / b).ToString("0.00", CultureInfo.InvariantCulture)))})"));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Desk(AgencyWorkspace Workspace, DeviceKey Device) : IDisposable
    {
        public void Dispose()
        {
            Workspace.Api.Dispose();
            Workspace.Dispose();
            Device.Dispose();
        }
    }
}

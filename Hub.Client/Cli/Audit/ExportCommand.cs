// `hub audit export CASE -o FILE`: the case's evidence bundle (hub.evidence-bundle/v1) as the hub sent it,
// written to a file for `hub audit verify` or for an auditor's records. Auditors and agency admins of
// participating agencies only; the hub journals the export before it builds the bundle.
using System.CommandLine;
using System.Globalization;
using Hub.Cli.Shared;
using Hub.Client.Audit;

namespace Hub.Cli.Audit;

internal static class ExportCommand
{
    public static Command Create()
    {
        var caseId = new Argument<Guid>("case") { Description = "The case id." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the bundle (not overwritten).", Required = true };
        var command = new Command("export", """
            Export a case's evidence bundle (auditors and agency admins of participating agencies). The bundle
            holds every entry of the case's log, the hub's signed checkpoint and proofs; check it offline with
            hub audit verify. The file is not overwritten if it exists.

            Example:
              hub audit export 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 -o case.evidence.json
            """);
        command.Arguments.Add(caseId);
        command.Options.Add(output);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var file = parse.GetValue(output)!;
            var bundle = await session.Api.ExportEvidenceAsync(parse.GetValue(caseId), ct);
            try
            {
                await using var stream = new FileStream(file.FullName, FileMode.CreateNew, FileAccess.Write);
                await stream.WriteAsync(bundle, ct);
            }
            catch (IOException ex)
            {
                throw new CliException($"cannot write {file.FullName} ({ex.Message}); choose another file with -o", ExitCodes.BadInput);
            }

            // A first look, so the auditor knows at once whether the bundle holds together.
            var check = EvidenceBundleVerifier.Verify(bundle, null);
            CliContext.Write(parse, new { file = file.FullName, bytes = bundle.Length, valid = check.IsValid, summary = check.Summary }, _ =>
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {file.FullName} ({bundle.Length} bytes); verify it with: hub audit verify {file.Name}")));
        }));
        return command;
    }
}

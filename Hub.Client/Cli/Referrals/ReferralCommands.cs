// `hub refer` and `hub reply`: content sealed on this device (age v1 to every recipient agency's current
// key generation and to your own agency), signed by this device, then sent. The hub checks the signature
// and what it binds, and never sees the content.
using System.CommandLine;
using System.Net;
using Hub.Cli.Attachments;
using Hub.Cli.Keys;
using Hub.Cli.Shared;
using Hub.Client.Api;
using Hub.Client.Content;
using Hub.Client.Wire;

namespace Hub.Cli.Referrals;

/// <summary>Builds the commands that seal messages: refer, reply, forward, consent.</summary>
internal static class ReferralCommands
{
    public static IEnumerable<Command> Create() => [Refer(), Reply(), ForwardingCommands.Forward(), ForwardingCommands.Consent()];

    private static Argument<Guid> CaseArgument() => new("case") { Description = "The case id." };

    private static Command Refer()
    {
        var caseId = CaseArgument();
        var to = new Option<string[]>("--to") { Description = "A recipient agency (repeat for several; hub route suggests them).", Required = true, AllowMultipleArgumentsPerToken = true };
        var siena = new Option<string?>("--handling") { Description = "The SIENA code you expect the case to carry (H0..H3): refuses to seal if the case says otherwise." };
        var tlp = new Option<string?>("--tlp") { Description = "The TLP label you expect the case to carry (AMBER or TLP:AMBER, ...)." };
        var attach = new Option<FileInfo[]>("--attach") { Description = "A file to seal and upload as an attachment (repeat for several); the content then names it.", AllowMultipleArgumentsPerToken = true };
        var content = new ContentInput();
        var command = new Command("refer", """
            Refer a case you opened (hotline analysts): seal the content for the recipients and your own agency,
            sign it with this device, send it. The content is validated first (docs/referral-content.md); the
            handling codes are the case's, and --handling/--tlp only check them.
            Each --attach file is sealed to the same agencies as its own age file, uploaded in resumable chunks,
            and named in the content (size, SHA-256) before the referral is sealed. If an upload is interrupted,
            run the same command again: it continues where the hub's durable bytes end.

            Examples:
              hub refer 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --to nl-hotline --to eu-liaison --file referral.json
              hub refer 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --to nl-hotline --from-synthetic --seed 7 --handling H2 --tlp AMBER
              hub refer 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --to nl-police --file referral.json --attach capture.mp4 --attach notes.pdf
            """);
        command.Arguments.Add(caseId);
        command.Options.Add(to);
        command.Options.Add(siena);
        command.Options.Add(tlp);
        command.Options.Add(attach);
        command.Options.Add(ProgressDisplay.Option);
        content.AddTo(command);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var id = parse.GetValue(caseId);
            var files = AttachedFiles(parse.GetValue(attach));
            var view = await session.Api.GetCaseAsync(id, ct);
            CheckHandling(view.Handling, parse.GetValue(siena), parse.GetValue(tlp));
            var plaintext = await content.ReadAsync(parse, view, (seed, priority) => SyntheticContent.CreateReferral(seed, 2, priority), ct);
            var recipients = parse.GetValue(to)!.Distinct(StringComparer.Ordinal).ToList();
            using var device = DeviceSession.Open(session);
            await device.RequireEnrolledAsync(ct);
            // One fetch of every agency's keys for the whole command: the attachments and the referral naming them are
            // sealed to the same generations.
            var generations = await device.Workspace.CurrentGenerationsAsync(recipients, ct);
            var uploads = new List<PendingUpload>();
            foreach (var file in files)
            {
                var upload = await PendingUpload.PrepareAsync(device.Workspace, session.ProfileName, id, file, generations, ct);
                try
                {
                    await upload.UploadAsync(device.Workspace, id, ProgressDisplay.For(parse, file.Name, upload.Digests.SealedSize, resumable: true), ct);
                }
                catch (HubApiException e) when (upload.Resumed && e.Status == HttpStatusCode.Conflict && e.Detail?.Contains("abandoned", StringComparison.Ordinal) == true)
                {
                    // The hub gave up on the earlier run's upload (it expired): seal again and start over under a new id.
                    upload.Forget();
                    upload = await PendingUpload.PrepareAsync(device.Workspace, session.ProfileName, id, file, generations, ct);
                    await upload.UploadAsync(device.Workspace, id, ProgressDisplay.For(parse, file.Name, upload.Digests.SealedSize, resumable: true), ct);
                }

                uploads.Add(upload);
            }

            var attachments = uploads.Select(u => u.Reference()).ToList();
            if (attachments.Count > 0)
            {
                plaintext = ContentInput.WithAttachments(plaintext, view, attachments);
            }

            var (messageId, accepted) = await device.Workspace.ReferAsync(id, plaintext, generations, ct);
            uploads.ForEach(u => u.Forget());
            CliContext.Write(parse, new { caseId = id, messageId, recipients, bytes = plaintext.Length, accepted.Version, device = device.Device.DeviceId, attachments }, r =>
            {
                Console.Out.WriteLine($"Referred case {id} to {string.Join(", ", recipients)}: message {messageId}, {plaintext.Length} bytes sealed and signed by {device.Device.DeviceId}.");
                foreach (var a in attachments)
                {
                    Console.Out.WriteLine($"  attachment {a.FileName} ({a.MediaType}, {a.Size} bytes) sealed and stored as {a.Id}");
                }
            });
        }));
        return command;
    }

    private static Command Reply()
    {
        var caseId = CaseArgument();
        var to = new Option<string[]>("--to") { Description = "Recipient agencies (default: every other participant).", AllowMultipleArgumentsPerToken = true };
        var content = new ContentInput();
        var command = new Command("reply", """
            Send a reply or an information request (the document's kind decides) to participants of a case,
            sealed and signed on this device.

            Examples:
              hub reply 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --file reply.json
              hub reply 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --to be-hotline --from-synthetic --seed 3
            """);
        command.Arguments.Add(caseId);
        command.Options.Add(to);
        content.AddTo(command);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var id = parse.GetValue(caseId);
            var view = await session.Api.GetCaseAsync(id, ct);
            var answered = view.Messages.LastOrDefault(m => m.Kind == MessageKind.Referral)?.MessageId ?? Guid.NewGuid();
            var plaintext = await content.ReadAsync(parse, view, (seed, _) => SyntheticContent.CreateReply(seed, answered), ct);
            var kind = ContentInput.KindOf(plaintext, view);
            if (kind == MessageKind.Referral)
            {
                throw new CliException("that document is a referral; send it with: hub refer", ExitCodes.BadInput);
            }

            var given = parse.GetValue(to) ?? [];
            var recipients = given.Length > 0 ? [.. given] : view.Participants.Select(p => p.AgencyId).Where(a => a != session.AgencyId).ToList();
            using var device = DeviceSession.Open(session);
            await device.RequireEnrolledAsync(ct);
            var message = await device.Workspace.SealAsync(id, plaintext, recipients, kind, ct: ct);
            var accepted = await session.Api.SubmitMessageAsync(id, message, ct);
            CliContext.Write(parse, new { caseId = id, message.MessageId, kind, recipients, accepted.Version }, _ =>
                Console.Out.WriteLine($"Sent {kind} {message.MessageId} on case {id} to {string.Join(", ", recipients)}, signed by {device.Device.DeviceId}."));
        }));
        return command;
    }

    /// <summary>Every --attach file must exist before anything is sealed or uploaded.</summary>
    private static List<FileInfo> AttachedFiles(FileInfo[]? given)
    {
        var files = (given ?? []).ToList();
        if (files.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            throw new CliException($"no file {missing.FullName} to attach; nothing was sealed", ExitCodes.BadInput);
        }

        if (files.GroupBy(f => f.FullName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new CliException($"{twice.Key} is attached twice; nothing was sealed", ExitCodes.BadInput);
        }

        return files;
    }

    private static void CheckHandling(CaseHandling handling, string? siena, string? tlp)
    {
        var expectedTlp = tlp is null ? null : tlp.StartsWith("TLP:", StringComparison.OrdinalIgnoreCase) ? tlp.ToUpperInvariant() : $"TLP:{tlp.ToUpperInvariant()}";
        if ((siena is not null && !string.Equals(siena, handling.Siena, StringComparison.OrdinalIgnoreCase)) || (expectedTlp is not null && expectedTlp != handling.Tlp))
        {
            throw new CliException(
                $"the case carries {handling.Siena} {handling.Tlp}, not {siena ?? handling.Siena} {expectedTlp ?? handling.Tlp}; handling codes are set when the case is opened, nothing was sealed",
                ExitCodes.BadInput);
        }
    }
}

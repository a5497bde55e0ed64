// `hub attachment get`: download, verify and decrypt one attachment of a message this agency can read. The message is
// opened first (sender signature, enrolment, digests), so its reference is what the sender signed; the sealed file is
// then checked against that reference's size and SHA-256 before a byte is decrypted, and the plaintext against its own
// digest at the end. Output goes to a scratch file beside the target and is renamed only when every check passed. An agency
// added by a forward takes the key from the attachment header the forwarder re-wrapped for it (signed with the forward).
using System.CommandLine;
using Hub.Cli.Keys;
using Hub.Cli.Referrals;
using Hub.Cli.Shared;
using Hub.Client.Content;

namespace Hub.Cli.Attachments;

/// <summary>Builds <c>hub attachment</c>.</summary>
internal static class AttachmentCommands
{
    public static Command Create()
    {
        var group = new Command("attachment", "Attachments of sealed messages (hub refer --attach sends them).");
        group.Subcommands.Add(Get());
        return group;
    }

    private static Command Get()
    {
        var caseId = new Argument<Guid>("case") { Description = "The case id." };
        var messageId = new Argument<Guid>("message") { Description = "The message that names the attachment (hub case show lists them)." };
        var attachment = new Argument<string>("attachment") { Description = "The attachment's id, or its file name when that is unique in the message." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write it (default: its file name, in the current folder)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing file." };
        var command = new Command("get", """
            Download an attachment, check it is exactly the file the sender signed for, decrypt it on this device.
            Nothing is written unless every check passes (exit 7 otherwise).

            Example:
              hub attachment get 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 9b2e61d0-8f4a-4c55-a1f3-0e6d2c7b9a14 capture.mp4 -o capture.mp4
            """);
        command.Arguments.Add(caseId);
        command.Arguments.Add(messageId);
        command.Arguments.Add(attachment);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(ProgressDisplay.Option);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var id = parse.GetValue(caseId);
            var message = parse.GetValue(messageId);
            var view = await session.Api.GetCaseAsync(id, ct);
            using var device = DeviceSession.Open(session);
            await device.RequireEnrolledAsync(ct);
            var opened = await device.Workspace.OpenAsync(id, message, ct);
            var content = ReferralContentCodec.Decode(opened.Plaintext, new ContentContext(ContentInput.Priority(view.Priority)));
            var reference = Find(content.Attachments, parse.GetValue(attachment)!, message);
            var target = parse.GetValue(output) ?? new FileInfo(reference.FileName);
            if (target.Exists && !parse.GetValue(force))
            {
                throw new CliException($"{target.FullName} exists; choose another name with -o, or replace it with --force", ExitCodes.BadInput);
            }

            var scratch = $"{target.FullName}.{Guid.NewGuid():N}.partial";
            try
            {
                await using (var stream = new FileStream(scratch, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous }))
                {
                    var progress = ProgressDisplay.For(parse, reference.FileName, reference.SealedSize ?? reference.Size);
                    await device.Workspace.OpenAttachmentAsync(id, opened, reference, stream, progress, ct);
                }

                File.Move(scratch, target.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(scratch);
            }

            // An agency added by a forward opened it with the key the forwarder re-wrapped for it: say whose signature vouched for that.
            var forwardedBy = opened.Forwarding is { } forwarding ? $"{forwarding.ForwarderAgencyId} device {forwarding.ForwarderDeviceId}" : null;
            CliContext.Write(parse, new { caseId = id, messageId = message, attachment = reference, path = target.FullName, keyRewrappedBy = forwardedBy }, _ =>
                Console.Out.WriteLine(
                    $"Wrote {target.FullName}: {reference.FileName} ({reference.MediaType}, {reference.Size} bytes), sealed by {opened.Statement.SenderAgencyId} device {opened.Statement.SenderDeviceId}"
                    + (forwardedBy is null ? string.Empty : $", key re-wrapped for your agency by {forwardedBy}") + "; signature and digests verified."));
        }));
        return command;
    }

    private static AttachmentReference Find(IReadOnlyList<AttachmentReference> attachments, string wanted, Guid messageId)
    {
        if (Guid.TryParse(wanted, out var id))
        {
            return attachments.FirstOrDefault(a => a.Id == id)
                ?? throw new CliException($"message {messageId} names no attachment {id}; hub case show lists each message's attachments", ExitCodes.BadInput);
        }

        var named = attachments.Where(a => a.FileName == wanted).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => throw new CliException($"message {messageId} names no attachment '{wanted}'; hub case show lists each message's attachments", ExitCodes.BadInput),
            _ => throw new CliException($"message {messageId} names {named.Count} attachments '{wanted}'; give the id instead (hub case show)", ExitCodes.BadInput),
        };
    }
}

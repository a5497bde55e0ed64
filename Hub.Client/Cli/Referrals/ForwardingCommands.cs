// `hub forward` and `hub consent`: adding an agency to a case. The hub records the forward (and, where the
// handling codes need it, the originator's consent); then a client that can read the case re-wraps each
// message's key for the added agency, and the key of every attachment the message names. Payloads and
// sealed attachments are never re-encrypted and the hub never sees a key.
using System.CommandLine;
using Hub.Cli.Keys;
using Hub.Cli.Shared;
using Hub.Client.Wire;

namespace Hub.Cli.Referrals;

/// <summary>Builds <c>hub forward</c> and <c>hub consent</c>.</summary>
internal static class ForwardingCommands
{
    public static Command Forward()
    {
        var caseId = new Argument<Guid>("case") { Description = "The case id." };
        var to = new Option<string>("--to") { Description = "The agency to add.", Required = true };
        var command = new Command("forward", """
            Forward a case to another agency (liaison officers, investigators). Where the handling codes need the
            originator's consent (H2, TLP:AMBER+STRICT, TLP:RED) the forward waits for it, and the originator's
            client re-wraps when it consents; otherwise this device re-wraps every message it can read right away.

            Example:
              hub forward 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --to nl-police
            """);
        command.Arguments.Add(caseId);
        command.Options.Add(to);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var id = parse.GetValue(caseId);
            var agency = parse.GetValue(to)!;
            await session.Api.RequestForwardAsync(id, new RequestForward(Guid.NewGuid(), agency), ct);
            var view = await session.Api.GetCaseAsync(id, ct);
            if (view.PendingForwards.Any(p => p.ToAgency == agency))
            {
                CliContext.Write(parse, new { caseId = id, toAgency = agency, status = "waiting-for-consent", rewrapped = 0 }, _ =>
                    Console.Out.WriteLine($"Forward of case {id} to {agency} waits for {view.Originator}'s consent ({view.Handling.Siena} {view.Handling.Tlp})."));
                return;
            }

            var (rewrapped, attachments) = await RewrapAllAsync(session, view, agency, ct);
            CliContext.Write(parse, new { caseId = id, toAgency = agency, status = "added", rewrapped, attachments }, _ =>
                Console.Out.WriteLine($"Forwarded case {id} to {agency}; re-wrapped {rewrapped} message(s) and {attachments} attachment(s) for it."));
        }));
        return command;
    }

    public static Command Consent()
    {
        var caseId = new Argument<Guid>("case") { Description = "The case id." };
        var grant = new Option<bool>("--grant") { Description = "Consent to the forward." };
        var deny = new Option<bool>("--deny") { Description = "Refuse it." };
        var to = new Option<string?>("--to") { Description = "The agency the forward adds (needed only when several wait)." };
        var command = new Command("consent", """
            Decide on a forward that needs your consent as the case's originator (H2, TLP:AMBER+STRICT, TLP:RED).
            On --grant the agency joins and this device re-wraps every message it can read for it.

            Examples:
              hub consent 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --grant
              hub consent 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --deny --to fr-police
            """);
        command.Arguments.Add(caseId);
        command.Options.Add(grant);
        command.Options.Add(deny);
        command.Options.Add(to);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            if (parse.GetValue(grant) == parse.GetValue(deny))
            {
                throw new CliException("say --grant or --deny", ExitCodes.BadInput);
            }

            var id = parse.GetValue(caseId);
            var before = await session.Api.GetCaseAsync(id, ct);
            var agency = parse.GetValue(to) ?? before.PendingForwards.Count switch
            {
                0 => throw new CliException($"no forward of case {id} waits for consent", ExitCodes.BadInput),
                1 => before.PendingForwards[0].ToAgency,
                _ => throw new CliException($"several forwards wait ({string.Join(", ", before.PendingForwards.Select(p => p.ToAgency))}); say which with --to", ExitCodes.BadInput),
            };
            var granted = parse.GetValue(grant);
            await session.Api.DecideConsentAsync(id, new DecideConsent(Guid.NewGuid(), agency, granted), ct);
            var (rewrapped, attachments) = granted ? await RewrapAllAsync(session, await session.Api.GetCaseAsync(id, ct), agency, ct) : (0, 0);
            CliContext.Write(parse, new { caseId = id, toAgency = agency, granted, rewrapped, attachments }, _ =>
                Console.Out.WriteLine(granted
                    ? $"Consent given: {agency} joins case {id}; re-wrapped {rewrapped} message(s) and {attachments} attachment(s) for it."
                    : $"Consent refused: {agency} does not join case {id}."));
        }));
        return command;
    }

    /// <summary>Re-wraps, for <paramref name="agency"/>, every message this agency can read and it cannot, with the attachments each names.</summary>
    private static async Task<(int Messages, int Attachments)> RewrapAllAsync(CliSession session, CaseView view, string agency, CancellationToken ct)
    {
        var pending = view.Messages.Where(m => m.Readable && !m.Recipients.Contains(agency)).ToList();
        if (pending.Count == 0)
        {
            return (0, 0);
        }

        using var device = DeviceSession.Open(session);
        await device.RequireEnrolledAsync(ct);
        var attachments = 0;
        foreach (var message in pending)
        {
            var rewrap = await device.Workspace.PrepareRewrapAsync(view.CaseId, message.MessageId, agency, ct: ct);
            await device.Workspace.Api.AddRewrapAsync(view.CaseId, rewrap, ct);
            attachments += rewrap.Attachments?.Count ?? 0;
        }

        return (pending.Count, attachments);
    }
}

// `hub case open|show`, `hub ack|accept|decline|ask`, `hub hold place|lift`, `hub takedown notice|removed|not-removed`:
// case work that needs no decryption. Every command sends a fresh command id; the hub answers a retry
// of the same id with the first result.
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Cli.Referrals;
using Hub.Cli.Shared;
using Hub.Client.Wire;

namespace Hub.Cli.Cases;

/// <summary>Builds the case commands.</summary>
internal static class CaseCommands
{
    public static IEnumerable<Command> Create() =>
    [
        Group("case", "Open and show cases.", Open(), Show()),
        Decision("ack", RecipientStatus.Acknowledged, "Acknowledge a referral your agency received."),
        Decision("accept", RecipientStatus.Accepted, "Accept a referral."),
        Decision("decline", RecipientStatus.Declined, "Decline a referral."),
        Decision("ask", RecipientStatus.InformationRequested, "Ask the sender for more information."),
        Group("hold", "Takedown holds (police investigators).", PlaceHoldCommand(), LiftHoldCommand()),
        Group("takedown", "Record the takedown (hotline analysts).",
            Takedown("notice", TakedownStep.NoticeSent), Takedown("removed", TakedownStep.Removed), Takedown("not-removed", TakedownStep.NotRemoved)),
    ];

    private static Command Group(string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands)
        {
            group.Subcommands.Add(command);
        }

        return group;
    }

    private static Argument<Guid> CaseArgument() => new("case") { Description = "The case id." };

    private static Command Open()
    {
        var country = new Option<string>("--hosting-country") { Description = "ISO 3166-1 alpha-2 country hosting the content.", Required = true };
        var priority = new Option<Priority>("--priority") { DefaultValueFactory = _ => Priority.Normal, Description = "Urgent (child at imminent risk), High or Normal." };
        var category = new Option<CaseCategory>("--category") { DefaultValueFactory = _ => CaseCategory.AbuseMaterial, Description = "What the reported material is." };
        var siena = new Option<string>("--siena") { DefaultValueFactory = _ => "H1", Description = "SIENA handling code: H0, H1, H2 or H3." };
        var restriction = new Option<string?>("--restriction") { Description = "The free text of H3." };
        var tlp = new Option<string>("--tlp") { DefaultValueFactory = _ => "TLP:AMBER", Description = "TLP 2.0 label, e.g. TLP:AMBER." };
        var command = new Command("open", """
            Open a case for an assessed report (hotline analysts). Prints the new case id.

            Example:
              hub case open --hosting-country NL --priority Normal --siena H2 --tlp TLP:AMBER
            """);
        foreach (var option in new Option[] { country, priority, category, siena, restriction, tlp })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
        {
            var view = await api.OpenCaseAsync(
                new OpenCaseRequest(Guid.NewGuid(), Guid.NewGuid(), parse.GetValue(priority), parse.GetValue(category), parse.GetValue(country)!,
                    new CaseHandling(parse.GetValue(siena)!, parse.GetValue(tlp)!, parse.GetValue(restriction)), DateTimeOffset.UtcNow),
                ct);
            CliContext.Write(parse, view, v => Console.Out.WriteLine(v.CaseId));
        }));
        return command;
    }

    private static Command Show()
    {
        var caseId = CaseArgument();
        var command = new Command("show", """
            Show a case as your agency sees it: participants, messages, takedown track, outcomes, timeline.
            Messages your agency can read are opened on this device (asks for the device key's passphrase): the
            sender's enrolment, signature and digests are verified first, then the content summary is shown.

            Example:
              hub case show 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11
            """);
        command.Arguments.Add(caseId);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var view = await session.Api.GetCaseAsync(parse.GetValue(caseId), ct);
            var opened = await CaseReader.OpenAsync(session, view, ct);
            if (parse.GetValue(CliContext.JsonOutput))
            {
                var json = JsonSerializer.SerializeToNode(view, HubJson.Options)!.AsObject();
                json["opened"] = opened is null ? null : new JsonArray([.. opened.Select(OpenedJson)]);
                Console.Out.WriteLine(json.ToJsonString(HubJson.Options));
            }
            else
            {
                CaseText.Write(view, opened);
            }

            if (opened?.Count(m => m.Problem is not null) is > 0 and var failed)
            {
                throw new CliException($"{failed} message(s) did not verify and are not shown; tell your agency's admin", ExitCodes.NotVerified);
            }
        }));
        return command;
    }

    private static JsonNode OpenedJson(OpenedMessage m) => new JsonObject
    {
        ["messageId"] = m.MessageId,
        ["verified"] = m.Verified,
        ["senderAgency"] = m.SenderAgency,
        ["senderDevice"] = m.SenderDevice,
        ["senderFingerprint"] = m.SenderFingerprint,
        ["signedAt"] = m.SignedAt,
        ["handlingCodes"] = new JsonArray([.. m.HandlingCodes.Select(c => JsonValue.Create(c))]),
        ["forwarded"] = m.Forwarded,
        ["content"] = m.Content is not null && m.Plaintext is not null ? JsonNode.Parse(m.Plaintext) : null,
        ["problem"] = m.Problem ?? m.ContentProblem,
    };

    private static Command Decision(string name, RecipientStatus decision, string description)
    {
        var caseId = CaseArgument();
        var command = new Command(name, $"""
            {description}

            Example:
              hub {name} 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11
            """);
        command.Arguments.Add(caseId);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
            Done(parse, await api.DecideAsync(parse.GetValue(caseId), new DecideReferral(Guid.NewGuid(), decision), ct))));
        return command;
    }

    private static Command PlaceHoldCommand()
    {
        var caseId = CaseArgument();
        var until = new Option<DateTimeOffset>("--until") { Description = "When the hold ends (ISO 8601), at most 90 days ahead.", Required = true };
        var reason = new Option<HoldReason>("--reason") { DefaultValueFactory = _ => HoldReason.InvestigationOngoing, Description = "Reason class; hotlines do not see it." };
        var command = new Command("place", """
            Delay the takedown notice until a time, so it does not tip off suspects.

            Example:
              hub hold place 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --until 2026-12-01T12:00:00Z --reason InvestigationOngoing
            """);
        command.Arguments.Add(caseId);
        command.Options.Add(until);
        command.Options.Add(reason);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
            Done(parse, await api.PlaceHoldAsync(parse.GetValue(caseId), new PlaceHold(Guid.NewGuid(), parse.GetValue(until), parse.GetValue(reason)), ct))));
        return command;
    }

    private static Command LiftHoldCommand()
    {
        var caseId = CaseArgument();
        var command = new Command("lift", """
            Lift your hold early; the notice may then go out.

            Example:
              hub hold lift 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11
            """);
        command.Arguments.Add(caseId);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
            Done(parse, await api.LiftHoldAsync(parse.GetValue(caseId), new LiftHold(Guid.NewGuid()), ct))));
        return command;
    }

    private static Command Takedown(string name, TakedownStep step)
    {
        var caseId = CaseArgument();
        var command = new Command(name, $"""
            Record: {step}.

            Example:
              hub takedown {name} 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11
            """);
        command.Arguments.Add(caseId);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
            Done(parse, await api.RecordTakedownAsync(parse.GetValue(caseId), new RecordTakedown(Guid.NewGuid(), step), ct))));
        return command;
    }

    private static void Done(ParseResult parse, CommandAccepted accepted) =>
        CliContext.Write(parse, accepted, a => Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done: case {a.CaseId} is at version {a.Version}.")));
}

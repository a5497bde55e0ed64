// `hub agencies`, `hub route`, `hub inbox [--watch]`, `hub stats`: reading the network as your agency sees it.
using System.CommandLine;
using System.Globalization;
using Hub.Cli.Shared;
using Hub.Client.Wire;

namespace Hub.Cli.Network;

/// <summary>Builds the read-only network commands.</summary>
internal static class NetworkCommands
{
    public static IEnumerable<Command> Create() => [Agencies(), Route(), Inbox(), Stats()];

    private static Command Agencies()
    {
        var command = new Command("agencies", """
            List the agencies of the network.

            Example:
              hub agencies
            """);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
            CliContext.Write(parse, await api.ListAgenciesAsync(ct), agencies =>
            {
                foreach (var a in agencies)
                {
                    Console.Out.WriteLine($"{a.Id,-16} {a.Kind,-13} {a.Country}  {a.DisplayName}");
                }
            })));
        return command;
    }

    private static Command Route()
    {
        var country = new Option<string>("--hosting-country") { Description = "ISO 3166-1 alpha-2 country hosting the content, e.g. NL.", Required = true };
        var priority = new Option<Priority>("--priority") { Description = "Urgent, High or Normal.", DefaultValueFactory = _ => Priority.Normal };
        var command = new Command("route", """
            Suggest recipients for content hosted in a country (you choose; nothing is routed silently).

            Example:
              hub route --hosting-country NL --priority Urgent
            """);
        command.Options.Add(country);
        command.Options.Add(priority);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
            CliContext.Write(parse, await api.SuggestRoutesAsync(parse.GetValue(country)!, parse.GetValue(priority), ct), suggestions =>
            {
                foreach (var s in suggestions)
                {
                    Console.Out.WriteLine($"{s.AgencyId,-16} {s.Reason}");
                }
            })));
        return command;
    }

    private static Command Inbox()
    {
        var after = new Option<long?>("--after") { Description = "Show entries after this sequence number (with --watch, default: where the last watch stopped)." };
        var watch = new Option<bool>("--watch") { Description = "Stay connected and show new entries live (SignalR, with catch-up after reconnects); Ctrl+C stops." };
        var waitFor = new Option<InboxItemKind?>("--wait-for") { Description = "Wait until an entry of this kind (after --after) is in the inbox, e.g. ReferralReceived." };
        var command = new Command("inbox", """
            Show your agency's inbox (oldest first), or watch it live: on a terminal a table updates in place;
            redirected, every entry is one appended line (with --json, one JSON object per line).
            The watch reconnects by itself and shows every entry exactly once, in sequence; Ctrl+C exits 0.
            The hub delivers entries just after the change that causes them; --wait-for waits (at most --timeout
            seconds) until one of a kind is there, then shows the inbox.

            Examples:
              hub inbox --after 40
              hub inbox --watch
              hub inbox --watch --json > inbox.jsonl
              hub inbox --wait-for ReferralReceived --timeout 30
            """);
        command.Options.Add(after);
        command.Options.Add(watch);
        command.Options.Add(waitFor);
        command.Options.Add(Waiting.Timeout);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, profile) =>
        {
            if (parse.GetValue(watch))
            {
                await InboxWatch.RunAsync(api, profile, parse.GetValue(after), parse.GetValue(CliContext.JsonOutput), ct);
                return;
            }

            async Task<List<InboxItem>> ReadAllAsync(CancellationToken token)
            {
                var read = new List<InboxItem>();
                var page = await api.ReadInboxAsync(parse.GetValue(after) ?? 0, 500, token);
                read.AddRange(page.Items);
                while (page.More)
                {
                    page = await api.ReadInboxAsync(read[^1].Seq, 500, token);
                    read.AddRange(page.Items);
                }

                return read;
            }

            var items = parse.GetValue(waitFor) is { } kind
                ? await Waiting.UntilAsync(parse, ReadAllAsync, list => list.Any(i => i.Kind == kind), $"an inbox entry {kind}", ct)
                : await ReadAllAsync(ct);

            CliContext.Write(parse, items, list =>
            {
                foreach (var i in list)
                {
                    Console.Out.WriteLine(InboxWatch.Line(i));
                }
            });
        }));
        return command;
    }

    private static Command Stats()
    {
        var waitFor = new Option<Hop?>("--wait-for") { Description = "Wait until this hop has at least one measurement, e.g. Removal." };
        var command = new Command("stats", """
            Per-hop times (acknowledge, decide, notice, removal, holds) and victims identified per year. Measurements
            arrive just after the step they measure; --wait-for waits (at most --timeout seconds) for a hop's first.

            Examples:
              hub stats --json
              hub stats --wait-for Removal
            """);
        command.Options.Add(waitFor);
        command.Options.Add(Waiting.Timeout);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, _) =>
            CliContext.Write(parse, parse.GetValue(waitFor) is { } hop
                ? await Waiting.UntilAsync(parse, api.GetStatsAsync, s => s.Hops.Any(h => h.Hop == hop && h.Scope == "all" && h.Count > 0), $"a measurement of {hop}", ct)
                : await api.GetStatsAsync(ct), stats =>
            {
                foreach (var h in stats.Hops.Where(h => h.Scope == "all"))
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.Hop,-12} n={h.Count,-6} p50 {Human(h.P50Seconds),-8} p90 {Human(h.P90Seconds),-8} p99 {Human(h.P99Seconds)}"));
                }

                foreach (var y in stats.VictimsIdentified)
                {
                    var change = y.ChangePercent is { } c ? string.Create(CultureInfo.InvariantCulture, $" ({c:+0.0;-0.0}% on {y.Year - 1})") : string.Empty;
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"victims identified {y.Year}: {y.Victims}{change}"));
                }
            })));
        return command;
    }

    private static string Human(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0}m"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#}d"),
    };
}

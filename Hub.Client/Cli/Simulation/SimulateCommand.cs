// `hub simulate`: a synthetic multi-country workload through the public API, for demos and load checks
// against a development hub.
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hub.Cli.Shared;
using Hub.Client.Wire;

namespace Hub.Cli.Simulation;

/// <summary>Builds `hub simulate`.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var agencies = new Option<string>("--agencies")
        {
            Description = "Comma-separated agency ids to simulate (at least one hotline). Default: the whole demo network.",
            DefaultValueFactory = _ => string.Join(',', SimulationOptions.DemoAgencies),
        };
        var rate = new Option<double>("--rate") { Description = "New reports (cases with a referral) per second.", DefaultValueFactory = _ => 10 };
        var duration = new Option<TimeSpan>("--duration")
        {
            Description = "How long to start new cases: seconds, or with a unit (90s, 5m, 1h).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
            CustomParser = r => ParseDuration(r.Tokens[0].Value) ?? Invalid(r, $"not a duration: {r.Tokens[0].Value} (e.g. 60, 90s, 5m)"),
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic workload: the same seed gives the same cases.", DefaultValueFactory = _ => 1 };
        var url = new Option<string?>("--url") { Description = "Hub address (default: the current profile's hub, else http://localhost:5080)." };
        var command = new Command("simulate", $"""
            Drive a synthetic multi-country workload through the hub's public API: hotlines open cases and refer them
            (sealed and signed on the simulated agencies' own device keys) to the agencies the hub suggests; recipients
            receive them live, open and verify them, acknowledge, accept or decline; police place and lift takedown
            holds; hotlines record notices and removals; police record investigations and victims identified.
            All content is synthetic (Bogus, reserved .example/.test domains, random hashes). Users come from the hub's
            development identity provider, so only a development hub can be simulated. Prints throughput, latency
            percentiles and errors once per second, and a summary at the end (--json: the summary as JSON).
            Exits 0 when nothing failed, 1 when any step failed (the summary lists the errors by category).

            Example:
              hub simulate --rate 50 --duration 60s --seed 7
              hub simulate --agencies be-hotline,nl-hotline,nl-police,eu-liaison --rate 5 --duration 10 --json

            {ExitCodes.Help}
            """);
        foreach (var option in new Option[] { agencies, rate, duration, seed, url })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async () =>
        {
            var json = parse.GetValue(CliContext.JsonOutput);
            var hub = parse.GetValue(url) is { } given ? HubAddress(given) : CliContext.DefaultHub();
            var options = new SimulationOptions(
                new Uri(hub.ToString().TrimEnd('/') + "/"),
                [.. parse.GetValue(agencies)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)],
                parse.GetValue(rate), parse.GetValue(duration), parse.GetValue(seed));
            if (options.Agencies.Count == 0)
            {
                throw new CliException("--agencies names no agency", ExitCodes.BadInput);
            }

            if (options.Rate is not (> 0 and <= 10_000))
            {
                throw new CliException("--rate must be above 0 and at most 10000 per second", ExitCodes.BadInput);
            }

            var summary = await Simulation.RunAsync(options, LiveLine.For(json), ct);
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(summary, HubJson.Options));
            }
            else
            {
                summary.WriteText(Console.Out);
            }

            return summary.Errors == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private static Uri HubAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"--url is not an http(s) address: {text}", ExitCodes.BadInput);

    private static TimeSpan Invalid(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return default;
    }

    private static TimeSpan? ParseDuration(string text)
    {
        var (number, unit) = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 7 * 24 * 3600)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
    }
}

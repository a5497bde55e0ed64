// The run: set up every simulated agency (keys, duty user, live inbox), then start case stories in an open
// loop at the requested rate (case i starts at i / rate seconds, whether or not earlier ones finished, as
// reports arrive in the world), report once per second, and after the duration wait for the stories in
// flight to finish before summarising. Failures are counted by category; only setup failures end the run.
using System.Diagnostics;
using System.Globalization;
using Hub.Cli.Shared;
using Hub.Client.Api;
using Hub.Client.Wire;

namespace Hub.Cli.Simulation;

/// <summary>Runs a simulation and returns its summary.</summary>
internal static class Simulation
{
    public static async Task<SimulationSummary> RunAsync(SimulationOptions options, LiveLine live, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(live);
        var stats = new SimulationStats();
        var tracker = new DeliveryTracker(stats);
        using var tokens = new DevTokens(options.Hub);
        var profiles = await ProfilesAsync(options, tokens, ct);
        var keys = SimulationKeys.For(options.Hub);
        var started = await Task.WhenAll(profiles.Select(p => Task.Run(() => SimulatedAgency.StartAsync(p, tokens, keys, tracker, stats, ct), ct)));
        try
        {
            var world = new SimulationWorld(started.ToDictionary(a => a.Id, StringComparer.Ordinal), stats, tracker, ct);
            var planner = new CasePlanner(options.Seed, [.. profiles.Where(p => p.Kind == AgencyKind.Hotline)]);
            var clock = world.Clock;
            clock.Start();
            using var reporting = new CancellationTokenSource();
            var stories = new List<Task>();
            var reporter = ReportAsync(live, stats, clock, stories, reporting.Token);
            await ScheduleAsync(options, planner, world, stories, clock, ct);

            // Let the stories in flight finish: a bounded wait, then whatever is still running counts as an error.
            var all = Task.WhenAll(stories);
            await Task.WhenAny(all, Task.Delay(world.DeliveryTimeout * 2, CancellationToken.None));
            var unfinished = stories.Count(s => !s.IsCompleted);
            if (unfinished > 0 && !ct.IsCancellationRequested)
            {
                stats.Error("unfinished when the run ended", string.Create(CultureInfo.InvariantCulture, $"{unfinished} case stories still running"));
            }

            await reporting.CancelAsync();
            await reporter;
            live.Finish();
            return SimulationSummary.From(options, stats, planner.Digest(), clock.Elapsed);
        }
        finally
        {
            foreach (var agency in started)
            {
                await agency.DisposeAsync();
            }
        }
    }

    private static async Task ScheduleAsync(SimulationOptions options, CasePlanner planner, SimulationWorld world, List<Task> stories, Stopwatch clock, CancellationToken ct)
    {
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / options.Rate);
            if (due >= options.Duration)
            {
                return;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero && !await DelayAsync(wait, ct))
            {
                return;
            }

            var plan = planner.Plan(i);
            planner.Record(plan);
            world.Stats.Count(Counters.Planned);
            lock (stories)
            {
                stories.Add(Task.Run(() => RunStoryAsync(plan, world, ct), CancellationToken.None));
            }
        }
    }

    private static async Task RunStoryAsync(CasePlan plan, SimulationWorld world, CancellationToken ct)
    {
        try
        {
            await new CaseStory(plan, world).RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: the story stops where it is.
        }
        catch (Exception ex)
        {
            // A bug in the simulator itself is still an error of the run, never a crash.
            world.Stats.Error("simulator", ex);
        }
    }

    private static async Task ReportAsync(LiveLine live, SimulationStats stats, Stopwatch clock, List<Task> stories, CancellationToken ct)
    {
        long lastAcknowledged = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await DelayAsync(timer, ct))
        {
            var acknowledged = stats[Counters.Acknowledged];
            int inFlight;
            lock (stories)
            {
                inFlight = stories.Count(s => !s.IsCompleted);
            }

            var ack = stats.SubmitToAck.TakeWindow();
            var push = stats.SubmitToPush.TakeWindow();
            live.Update(string.Create(CultureInfo.InvariantCulture,
                $"{clock.Elapsed.TotalSeconds,5:0}s  {acknowledged - lastAcknowledged,4} referrals/s  total {acknowledged,6}  submit→ack p50 {Ms(ack.P50)} p99 {Ms(ack.P99)}  submit→push p50 {Ms(push.P50)} p99 {Ms(push.P99)}  in flight {inFlight,4}  errors {stats.ErrorCount}"));
            lastAcknowledged = acknowledged;
        }
    }

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v,6:0.0} ms") : "     - ms";

    private static async Task<IReadOnlyList<AgencyProfile>> ProfilesAsync(SimulationOptions options, DevTokens tokens, CancellationToken ct)
    {
        using var api = new HubApiClient(await tokens.EndpointAsync(options.Agencies[0], "Hub.AgencyAdmin", ct));
        var directory = (await api.ListAgenciesAsync(ct)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var unknown = options.Agencies.Where(a => !directory.ContainsKey(a)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException($"not in the hub's agency directory: {string.Join(", ", unknown)}; see: hub agencies", ExitCodes.BadInput);
        }

        var profiles = options.Agencies.Select(a => directory[a]).ToList();
        return profiles.Any(p => p.Kind == AgencyKind.Hotline)
            ? profiles
            : throw new CliException("the simulated agencies need at least one hotline: hotlines open the cases", ExitCodes.BadInput);
    }

    private static async Task<bool> DelayAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> DelayAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

// `hub inbox --watch`: the agency's inbox live. The feed (Hub.Client.Live.InboxFeedConnection) delivers
// every entry after the starting sequence exactly once and in order, catching up over HTTP on every
// (re)connect, so a gateway restart costs a pause, never an entry. The last delivered sequence is saved
// per hub, agency and user, so the next watch continues where this one stopped. Ctrl+C ends the watch
// with exit code 0.
using System.Globalization;
using System.Text.Json;
using Hub.Cli.Session;
using Hub.Client.Api;
using Hub.Client.Live;
using Hub.Client.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Cli.Network;

/// <summary>Runs the live inbox view until cancelled.</summary>
internal static class InboxWatch
{
    public static async Task RunAsync(HubApiClient api, CliProfile profile, long? after, bool json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(profile);
        var seen = InboxSeen.For(profile);
        var start = after ?? seen.Load();
        IInboxView view = json ? new JsonLinesView() : Console.IsOutputRedirected ? new PlainLinesView() : new LiveTableView(profile.AgencyId);
        await using var feed = new InboxFeedConnection(api.Endpoint, start);
        view.Status($"connecting to {profile.HubUrl} (after #{start})");
        try
        {
            await feed.StartAsync(ct);
            var status = WatchStatusAsync(feed, view, ct);
            await foreach (var item in feed.ReadAllAsync(ct))
            {
                view.Add(item);
                seen.Save(item.Seq);
            }

            await status;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: a normal end of watching.
        }
        finally
        {
            seen.Flush();
            view.Finish();
        }
    }

    // The connection state shown in the status line (terminal view only; appended lines stay pure data).
    private static async Task WatchStatusAsync(InboxFeedConnection feed, IInboxView view, CancellationToken ct)
    {
        var last = (HubConnectionState)(-1);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (feed.State != last)
                {
                    last = feed.State;
                    view.Status(last == HubConnectionState.Connected
                        ? string.Create(CultureInfo.InvariantCulture, $"live, up to #{feed.LastSeq}; Ctrl+C to stop")
                        : $"{last.ToString().ToLowerInvariant()}: entries missed meanwhile follow once the hub answers");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watch is over.
        }
    }

    /// <summary>One inbox entry as `hub inbox` prints it.</summary>
    public static string Line(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Create(CultureInfo.InvariantCulture, $"{item.Seq,6}  {item.At:u}  {item.Kind,-18} case {item.CaseId}");
    }

    private sealed class JsonLinesView : IInboxView
    {
        public void Add(InboxItem item)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(item, HubJson.Options));
            Console.Out.Flush();
        }
    }

    private sealed class PlainLinesView : IInboxView
    {
        public void Add(InboxItem item)
        {
            Console.Out.WriteLine(Line(item));
            Console.Out.Flush();
        }
    }
}

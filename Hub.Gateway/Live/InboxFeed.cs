using System.Collections.Concurrent;
using Hub.Contracts.Inbox;
using Hub.Gateway.Operations;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Gateway.Live;

/// <summary>
/// Bridges inbox grains to this gateway's SignalR connections. The gateway observes the inbox of every
/// agency that has a user connected here, re-subscribing on a timer because grain observers expire; each
/// gateway fans out to its own connections, so in a cluster a push reaches users on every gateway.
/// </summary>
public sealed partial class InboxFeed(IClusterClient orleans, GrainReferences grains, IHubContext<LiveHub, ILiveClient> hub, IConfiguration configuration, ILogger<InboxFeed> logger)
    : BackgroundService, IInboxObserver
{
    /// <summary>
    /// How often every watched inbox is subscribed again (<c>Hub:Live:ResubscribeInterval</c>). In a cluster this is
    /// also how pushes resume after a silo dies: the inbox grain comes back on another silo with no observers, and
    /// the next refresh registers this gateway again. Until then clients still catch up by sequence.
    /// </summary>
    private readonly TimeSpan _refresh = configuration.GetValue("Hub:Live:ResubscribeInterval", TimeSpan.FromSeconds(15));

    private readonly ConcurrentDictionary<string, byte> _agencies = new(StringComparer.Ordinal);
    private IInboxObserver? _reference;

    /// <summary>Starts observing an agency's inbox (idempotent); called when one of its users connects.</summary>
    public async Task WatchAsync(string agencyId, CancellationToken ct)
    {
        if (_agencies.TryAdd(agencyId, 0))
        {
            await SubscribeAsync(agencyId, ct);
        }
    }

    public void InboxChanged(string agencyId, InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);

        // A push is a hint; if it is lost, the client's catch-up by sequence number finds the entry.
        _ = hub.Clients.Group(LiveGroups.Agency(agencyId)).InboxChanged(new InboxPush(agencyId, item.Seq, item.CaseId, item.Kind));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_refresh);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var agency in _agencies.Keys)
            {
                await SubscribeAsync(agency, stoppingToken);
            }
        }
    }

    private async Task SubscribeAsync(string agencyId, CancellationToken ct)
    {
        try
        {
            _reference ??= orleans.CreateObjectReference<IInboxObserver>(this);
            await grains.Inbox(agencyId).SubscribeAsync(_reference, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next refresh tries again; meanwhile clients still catch up over HTTP.
            LogSubscribeFailed(ex, agencyId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not observe the inbox of {AgencyId}; retrying on the next refresh")]
    private partial void LogSubscribeFailed(Exception exception, string agencyId);
}

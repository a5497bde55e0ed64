// The live inbox of the caller's agency, without gaps or duplicates. SignalR pushes are hints that
// can be lost (a reconnect, a gateway restart); the inbox over HTTP is the truth. So the connection
// catches up with GET /api/inbox?after=lastSeq on every (re)connect, paging while the hub says there
// is more, and treats each push only as "something after lastSeq exists": it fetches from lastSeq
// on, delivering strictly in sequence. One gate serialises catch-ups and pushes, so each sequence
// number reaches the consumer exactly once and in order.
using System.Threading.Channels;
using Hub.Client.Api;
using Hub.Client.Wire;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Client.Live;

/// <summary>A self-healing subscription to the caller's agency inbox, read as <see cref="ReadAllAsync"/>.</summary>
public sealed class InboxFeedConnection : IAsyncDisposable
{
    private readonly HubApiClient _api;
    private readonly HubConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<InboxItem> _items = Channel.CreateUnbounded<InboxItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private long _lastSeq;

    /// <summary>A feed for the user of <paramref name="endpoint"/>, delivering entries after <paramref name="afterSeq"/>.</summary>
    public InboxFeedConnection(HubEndpoint endpoint, long afterSeq = 0)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _api = new HubApiClient(endpoint);
        _lastSeq = afterSeq;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(endpoint.BaseAddress, "hubs/live"), o =>
            {
                o.AccessTokenProvider = async () => await endpoint.AccessToken(_stopping.Token);
                if (endpoint.CreateHandler is { } create)
                {
                    o.HttpMessageHandlerFactory = _ => create();
                }

                if (endpoint.LongPollingOnly)
                {
                    o.Transports = HttpTransportType.LongPolling;
                }
            })
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        _connection.On<InboxPush>("InboxChanged", push => OnPushAsync(push));
        _connection.Reconnected += _ => CatchUpQuietlyAsync();
        _connection.Closed += OnClosedAsync;
    }

    /// <summary>
    /// Raised for every push as it arrives, before the catch-up it triggers (for latency measurements; the
    /// entries themselves come from <see cref="ReadAllAsync"/>). Handlers run on the connection's thread: keep them short.
    /// </summary>
    public event Action<InboxPush>? PushReceived;

    /// <summary>The last sequence number delivered to the consumer.</summary>
    public long LastSeq => Interlocked.Read(ref _lastSeq);

    /// <summary>The SignalR connection state (for diagnostics).</summary>
    public HubConnectionState State => _connection.State;

    /// <summary>Connects (retrying until <paramref name="ct"/> ends) and catches up with everything after the start sequence.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _connection.StartAsync(ct);
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException && !ct.IsCancellationRequested)
            {
                await Task.Delay(ForeverRetryPolicy.Delay(attempt), ct);
            }
        }

        await CatchUpAsync(ct);
    }

    /// <summary>Inbox entries in sequence order, each exactly once, as they arrive; ends when the feed is disposed.</summary>
    public IAsyncEnumerable<InboxItem> ReadAllAsync(CancellationToken ct = default) => _items.Reader.ReadAllAsync(ct);

    /// <summary>Calls the hub method <c>WhoAmI</c>: the agency binding of this connection.</summary>
    public Task<CallerIdentity> WhoAmIAsync(CancellationToken ct = default) => _connection.InvokeAsync<CallerIdentity>("WhoAmI", ct);

    /// <summary>Fetches and delivers everything after <see cref="LastSeq"/> now (also done on every reconnect and push).</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            for (var more = true; more;)
            {
                var page = await _api.ReadInboxAsync(_lastSeq, 100, ct);
                foreach (var item in page.Items)
                {
                    Deliver(item);
                }

                more = page.More && page.Items.Count > 0;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _connection.Closed -= OnClosedAsync;
        await _connection.DisposeAsync();
        _items.Writer.TryComplete();
        _api.Dispose();
        _gate.Dispose();
        _stopping.Dispose();
    }

    private async Task OnPushAsync(InboxPush push)
    {
        PushReceived?.Invoke(push);

        // Already delivered (a catch-up got there first): nothing to do. Otherwise the push may be ahead of
        // entries this client missed, so fetch from the last delivered one rather than trusting the push.
        if (push.Seq > Interlocked.Read(ref _lastSeq))
        {
            await CatchUpQuietlyAsync();
        }
    }

    private void Deliver(InboxItem item)
    {
        // The hub returns entries strictly after _lastSeq and in order; anything else is ignored, never re-delivered.
        if (item.Seq == _lastSeq + 1 && _items.Writer.TryWrite(item))
        {
            Interlocked.Exchange(ref _lastSeq, item.Seq);
        }
    }

    private async Task CatchUpQuietlyAsync()
    {
        try
        {
            await CatchUpAsync(_stopping.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or HubApiException or OperationCanceledException or ObjectDisposedException)
        {
            // The hub is unreachable right now; the next reconnect or push catches up from the same point.
        }
    }

    private async Task OnClosedAsync(Exception? error)
    {
        // Automatic reconnect gave up (it never does with our policy) or the first connect was lost: start again.
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ForeverRetryPolicy.Delay(1), _stopping.Token);
                await _connection.StartAsync(_stopping.Token);
                await CatchUpQuietlyAsync();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                // Keep trying until disposed: whatever failed (refused, handshake, timeout), the next attempt may work.
            }
        }
    }
}

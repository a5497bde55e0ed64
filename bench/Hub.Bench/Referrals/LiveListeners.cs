using System.Text.Json.Serialization;
using Hub.Contracts.Inbox;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Bench.Referrals;

/// <summary>
/// The recipient agency's users on SignalR (WebSockets). The first connection feeds the latency tracker;
/// the others receive the same pushes, as the other users of that agency would.
/// </summary>
public sealed class LiveListeners : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private long _pushes;

    public PushTracker Tracker { get; set; } = new();

    public long Pushes => Interlocked.Read(ref _pushes);

    public static async Task<LiveListeners> ConnectAsync(Uri hub, Func<Task<string?>> token, int users)
    {
        var listeners = new LiveListeners();
        for (var i = 0; i < users; i++)
        {
            var first = i == 0;
            var connection = new HubConnectionBuilder()
                .WithUrl(hub, o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = token;
                })
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                .Build();
            connection.On<InboxPush>("InboxChanged", push =>
            {
                Interlocked.Increment(ref listeners._pushes);
                if (first)
                {
                    listeners.Tracker.Pushed(push.CaseId);
                }
            });
            await connection.StartAsync();
            listeners._connections.Add(connection);
        }

        return listeners;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}

using Hub.Client.Api;
using Hub.Client.Live;
using Hub.Client.Wire;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>Runs the SDK's live inbox feed against one gateway and keeps everything it delivers.</summary>
public sealed class FeedRecorder : IAsyncDisposable
{
    private readonly List<InboxItem> _items = [];
    private readonly Lock _lock = new();
    private readonly Task _pump;

    private FeedRecorder(InboxFeedConnection feed)
    {
        Feed = feed;
        _pump = Task.Run(async () =>
        {
            await foreach (var item in feed.ReadAllAsync())
            {
                lock (_lock)
                {
                    _items.Add(item);
                }
            }
        });
    }

    public InboxFeedConnection Feed { get; }

    public IReadOnlyList<InboxItem> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>Connects to <paramref name="endpoint"/>'s gateway and delivers entries after <paramref name="afterSeq"/>.</summary>
    public static async Task<FeedRecorder> StartAsync(HubEndpoint endpoint, long afterSeq = 0)
    {
        var feed = new InboxFeedConnection(endpoint, afterSeq);
        await feed.StartAsync();
        return new FeedRecorder(feed);
    }

    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync();
        await _pump;
    }
}

using Hub.Client.Api;
using Hub.Client.Live;
using Hub.Client.Wire;

namespace Hub.Testing;

/// <summary>Runs an <see cref="InboxFeedConnection"/> and keeps everything it delivers, for bounded waits and assertions.</summary>
public sealed class FeedRecorder : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

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

    /// <summary>Waits (at most 30 s) until an item matches; fails with what arrived instead.</summary>
    public async Task<InboxItem> WaitForAsync(Guid caseId, InboxItemKind kind)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Items.FirstOrDefault(i => i.CaseId == caseId && i.Kind == kind) is { } item)
            {
                return item;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {kind} for case {caseId} within {Patience.TotalSeconds} s; received: {string.Join(", ", Items.Select(i => $"{i.Seq}:{i.Kind}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync();
        await _pump;
    }
}

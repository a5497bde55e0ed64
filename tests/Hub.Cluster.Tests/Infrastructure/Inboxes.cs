using Hub.Client.Api;
using Hub.Client.Wire;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>Reads an agency's whole inbox by sequence, the way a client catches up.</summary>
public static class Inboxes
{
    public static async Task<List<InboxItem>> ReadAllAsync(HubApiClient api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var entries = new List<InboxItem>();
        for (var more = true; more;)
        {
            var after = entries.LastOrDefault()?.Seq ?? 0;
            var page = await Answered.ByHubAsync(() => api.ReadInboxAsync(after, 500));
            entries.AddRange(page.Items);
            more = page.More;
        }

        return entries;
    }

    /// <summary>Reads until <paramref name="done"/> holds or 60 s pass (notices are delivered asynchronously), and returns the last read.</summary>
    public static async Task<List<InboxItem>> ReadUntilAsync(HubApiClient api, Func<List<InboxItem>, bool> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var entries = await ReadAllAsync(api);
            if (done(entries) || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(250);
        }
    }
}

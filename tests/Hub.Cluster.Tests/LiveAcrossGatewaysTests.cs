using System.Text;
using Hub.Client.Api;
using Hub.Client.Wire;
using Hub.Cluster.Tests.Infrastructure;
using Hub.Testing;

namespace Hub.Cluster.Tests;

/// <summary>
/// Live pushes in a cluster: a user connected to one gateway hears about work submitted through the other, pushes
/// resume after the silo holding the inbox dies, and a user whose gateway dies resumes on another by sequence.
/// </summary>
public sealed class LiveAcrossGatewaysTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PushesCrossGatewaysSurviveSiloDeathsAndResumeOnAnotherGateway()
    {
        await using var cluster = await HubCluster.StartAsync(silos: 2, gateways: 2);
        using var be = await ClusterDesk.SetUpAsync(cluster, "be-hotline", "analyst");
        using var nl = await ClusterDesk.SetUpAsync(cluster, "nl-hotline", "analyst");
        var caseId = Guid.NewGuid();
        await be.Workspace.Api.OpenCaseAsync(new OpenCaseRequest(
            caseId, Guid.NewGuid(), Priority.Urgent, CaseCategory.LiveStreaming, "NL", new CaseHandling("H1", "TLP:RED"), DateTimeOffset.UtcNow));
        using var submitter = be.ApiAt(0);

        // The Dutch analyst listens on gateway 1; the Belgian analyst submits through gateway 0.
        var onGateway1 = await FeedRecorder.StartAsync(nl.DutyAt(1));
        try
        {
            await ReferUntilDeliveredAsync(be, submitter, caseId, onGateway1, cluster);
            Assert.Equal(InboxItemKind.ReferralReceived, onGateway1.Items[0].Kind);

            // Whichever silo held the inbox grain, after both kills it has moved at least once.
            await cluster.KillSiloAsync(0);
            await ReferUntilDeliveredAsync(be, submitter, caseId, onGateway1, cluster);
            await cluster.StartSiloAsync(0);
            await cluster.KillSiloAsync(1);
            await ReferUntilDeliveredAsync(be, submitter, caseId, onGateway1, cluster);
        }
        finally
        {
            await onGateway1.DisposeAsync();
        }

        // Gateway 1 dies: the user reconnects to gateway 0 and resumes after the last sequence it saw.
        await cluster.KillGatewayAsync(1);
        var onGateway0 = await FeedRecorder.StartAsync(nl.DutyAt(0), onGateway1.Feed.LastSeq);
        try
        {
            await ReferUntilDeliveredAsync(be, submitter, caseId, onGateway0, cluster);
        }
        finally
        {
            await onGateway0.DisposeAsync();
        }

        var delivered = onGateway1.Items.Concat(onGateway0.Items).Select(i => i.Seq).ToList();
        using var reader = nl.ApiAt(0);
        var inbox = await Inboxes.ReadAllAsync(reader);
        Assert.Equal(Enumerable.Range(1, delivered.Count).Select(i => (long)i), delivered);   // no gap, no duplicate
        Assert.Equal(inbox.Select(i => i.Seq).Take(delivered.Count), delivered);
    }

    /// <summary>
    /// Submits referrals through <paramref name="submitter"/> (retrying while the cluster heals) until the feed
    /// delivers a new entry. A push sent before the gateway re-subscribed is lost, but the next one makes the feed
    /// catch up, so the feed must then hold every entry up to the newest.
    /// </summary>
    private static async Task ReferUntilDeliveredAsync(ClusterDesk sender, HubApiClient submitter, Guid caseId, FeedRecorder feed, HubCluster cluster)
    {
        var before = feed.Items.Count;
        var deadline = DateTime.UtcNow + Patience;
        while (feed.Items.Count == before)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"No push arrived within {Patience.TotalSeconds} s.{Environment.NewLine}" +
                string.Join(Environment.NewLine, cluster.Silos.Where(s => s is not null).Select(s => s!.RecentOutput)));
            try
            {
                // Sealing reads the key directory through the hub, so it too may fail while the cluster heals.
                var message = await sender.Workspace.SealAsync(caseId, Encoding.UTF8.GetBytes($"referral {Guid.NewGuid()}"), ["nl-hotline"]);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await submitter.SubmitMessageAsync(caseId, message, timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException || (ex is HubApiException api && (int)api.Status >= 500))
            {
                // The cluster is still healing; the next round tries again.
            }

            for (var waited = 0; waited < 40 && feed.Items.Count == before; waited++)
            {
                await Task.Delay(50);
            }
        }
    }
}

using System.Text;
using Hub.Client.Wire;
using Hub.Cluster.Tests.Infrastructure;
using Hub.Testing;
using Xunit.Abstractions;

namespace Hub.Cluster.Tests;

/// <summary>
/// The cluster acceptance run: 2 silos and 2 gateways (separate processes) over one PostgreSQL database, clients
/// submitting sealed referrals with retries through both gateways, while one silo is killed (SIGKILL) and later
/// restarted, one gateway is killed, and PostgreSQL restarts. Afterwards the ledger, the cases, the inboxes and
/// the audit logs must agree.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private const int PerClient = 30;
    private const int Total = Clients * PerClient;
    private static readonly string[] Recipients = ["nl-hotline", "eu-liaison"];

    [Fact]
    public async Task NothingAcknowledgedIsLostWhenSilosGatewaysAndTheDatabaseFail()
    {
        await using var cluster = await HubCluster.StartAsync(silos: 2, gateways: 2);
        using var be = await ClusterDesk.SetUpAsync(cluster, "be-hotline", "analyst");
        using var nl = await ClusterDesk.SetUpAsync(cluster, "nl-hotline", "analyst");
        using var liaison = await ClusterDesk.SetUpAsync(cluster, "eu-liaison", "liaison");
        using var audit = new CaseAuditProbe(cluster.GatewayAddress(0), be.AdminToken);
        var hubKey = await audit.HubKeyAsync();

        var ledger = new ReferralLedger();
        var clients = new List<ReferralClient>();
        for (var c = 0; c < Clients; c++)
        {
            var caseId = Guid.NewGuid();
            await be.Workspace.Api.OpenCaseAsync(new OpenCaseRequest(
                caseId, Guid.NewGuid(), Priority.High, CaseCategory.AbuseMaterial, "NL", new CaseHandling("H1", "TLP:AMBER"), DateTimeOffset.UtcNow));
            var messages = new List<SubmitMessage>();
            for (var i = 0; i < PerClient; i++)
            {
                messages.Add(await be.Workspace.SealAsync(caseId, Encoding.UTF8.GetBytes($"referral {c}/{i} https://host.example/{c}/{i}"), Recipients));
            }

            clients.Add(new ReferralClient(be, caseId, messages, preferredGateway: c % 2, ledger));
        }

        var giveUpAt = DateTime.UtcNow.AddMinutes(2);
        var running = Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(giveUpAt))));

        // Checkpoints a participant holds from before the faults; the history after must extend them.
        await WaitForAcknowledgedAsync(ledger, Total * 15 / 100, running, cluster);
        var held = new Dictionary<Guid, CaseAuditProbe.Held>();
        foreach (var client in clients)
        {
            held[client.CaseId] = await audit.CheckpointAsync(client.CaseId, hubKey);
        }

        await WaitForAcknowledgedAsync(ledger, Total * 25 / 100, running, cluster);
        await cluster.KillSiloAsync(0);
        await WaitForAcknowledgedAsync(ledger, Total * 45 / 100, running, cluster);
        await cluster.StartSiloAsync(0);
        await WaitForAcknowledgedAsync(ledger, Total * 60 / 100, running, cluster);
        await cluster.KillGatewayAsync(1);
        await WaitForAcknowledgedAsync(ledger, Total * 75 / 100, running, cluster);
        await PostgresServer.RestartAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"Ledger after the faults: {ledger}");

        // The ledger: nothing was refused, and the faults did put attempts in doubt.
        Assert.Empty(ledger.With(ReferralLedger.Outcome.Failed));
        Assert.True(ledger.AttemptsInDoubt > 0, $"The faults should have put some attempts in doubt: {ledger}");
        var acknowledged = ledger.With(ReferralLedger.Outcome.Acknowledged);
        var ambiguous = ledger.With(ReferralLedger.Outcome.Ambiguous);

        using var reader = be.ApiAt(0);
        var present = new Dictionary<Guid, List<Guid>>();
        foreach (var client in clients)
        {
            var view = await Answered.ByHubAsync(() => reader.GetCaseAsync(client.CaseId));
            var ids = view.Messages.Select(m => m.MessageId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());                                   // each at most once
            Assert.All(client.Messages.Where(m => acknowledged.Contains(m.MessageId)), m => Assert.Contains(m.MessageId, ids));
            Assert.All(ids, id => Assert.True(acknowledged.Contains(id) || ambiguous.Contains(id), $"{id} is present but was never acknowledged nor in doubt."));
            present[client.CaseId] = ids;
        }

        // Every recipient inbox: sequence 1..n without gaps, one notice per present referral.
        foreach (var recipient in new[] { nl, liaison })
        {
            using var api = recipient.ApiAt(0);
            var entries = await Inboxes.ReadUntilAsync(api, e => present.All(p => e.Count(i => i.CaseId == p.Key) >= p.Value.Count));
            Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
            foreach (var (caseId, ids) in present)
            {
                Assert.Equal(ids.Count, entries.Count(e => e.CaseId == caseId));
                Assert.Single(entries, e => e.CaseId == caseId && e.Kind == InboxItemKind.ReferralReceived);
            }
        }

        // Every case's audit log verifies with the key pinned before the faults and extends what was held then.
        foreach (var client in clients)
        {
            var verified = await audit.VerifyEvidenceAsync(client.CaseId, hubKey);
            await audit.AssertConsistentAsync(client.CaseId, held[client.CaseId], verified.TreeSize, verified.RootHash);
            Assert.True(verified.TreeSize > held[client.CaseId].TreeSize);
        }
    }

    private static async Task WaitForAcknowledgedAsync(ReferralLedger ledger, int count, Task running, HubCluster cluster)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (ledger.Acknowledged < count && !running.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Gave up waiting for {count} acknowledged referrals ({ledger}).{Environment.NewLine}" +
                string.Join(Environment.NewLine, cluster.Silos.Where(s => s is not null).Select(s => s!.RecentOutput)));
            await Task.Delay(50);
        }
    }
}

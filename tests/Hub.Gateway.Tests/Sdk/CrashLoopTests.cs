using System.Collections.Concurrent;
using System.Text;
using Hub.Client.Api;
using Hub.Client.Wire;
using Hub.Testing;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>
/// A client keeps referring while the hub process is killed (SIGKILL) and started again on the same journal.
/// Retries resend the same body (same command and message id), so what the hub acknowledged is there exactly
/// once, and every recipient inbox stays gap-free without duplicates.
/// </summary>
public sealed class CrashLoopTests : IDisposable
{
    private const int Referrals = 60;

    private readonly string _data = Directory.CreateTempSubdirectory("hub-crash-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task EveryAcknowledgedReferralIsThereOnceAfterTheHubIsKilledMidRun()
    {
        var gateway = await GatewayProcess.StartAsync(_data);
        var port = gateway.BaseAddress.Port;
        try
        {
            var world = SdkWorld.Over(gateway);
            using var be = await AgencyDesk.SetUpAsync(world, "be-hotline", "analyst");
            using var nl = await AgencyDesk.SetUpAsync(world, "nl-hotline", "analyst");
            using var liaison = await AgencyDesk.SetUpAsync(world, "eu-liaison", "liaison");
            var caseId = Guid.NewGuid();
            await be.Api.OpenCaseAsync(new OpenCaseRequest(
                caseId, Guid.NewGuid(), Priority.Urgent, CaseCategory.LiveStreaming, "NL", new CaseHandling("H1", "TLP:RED"), DateTimeOffset.UtcNow));
            var messages = new List<SubmitMessage>();
            for (var i = 0; i < Referrals; i++)
            {
                messages.Add(await be.Workspace.SealAsync(caseId, Encoding.UTF8.GetBytes($"referral {i} https://stream.example/{i}"), ["nl-hotline", "eu-liaison"]));
            }

            var acknowledged = new ConcurrentQueue<Guid>();
            var retries = 0;
            var client = Task.Run(async () =>
            {
                foreach (var message in messages)
                {
                    while (true)
                    {
                        try
                        {
                            await be.Api.SubmitMessageAsync(caseId, message);
                            acknowledged.Enqueue(message.MessageId);
                            break;
                        }
                        catch (Exception ex) when (IsTransient(ex) && Interlocked.Increment(ref retries) < 2000)
                        {
                            await Task.Delay(50);
                        }
                    }
                }
            });

            await WaitUntilAsync(() => acknowledged.Count >= Referrals / 3 || client.IsCompleted, "a third of the referrals acknowledged");
            await gateway.KillAsync();
            await gateway.DisposeAsync();
            gateway = await GatewayProcess.StartAsync(_data, port);
            await client.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(messages.Select(m => m.MessageId), acknowledged);
            var view = await be.Api.GetCaseAsync(caseId);
            Assert.Equal(messages.Select(m => m.MessageId).Order(), view.Messages.Select(m => m.MessageId).Order());

            foreach (var recipient in new[] { nl, liaison })
            {
                var entries = await WaitForInboxAsync(recipient.Api, caseId, Referrals);
                Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
                Assert.Equal(Referrals, entries.Count(e => e.CaseId == caseId));
                Assert.Single(entries, e => e.Kind == InboxItemKind.ReferralReceived);
            }
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException || (ex is HubApiException api && (int)api.Status >= 500);

    private static async Task<List<InboxItem>> WaitForInboxAsync(HubApiClient api, Guid caseId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var entries = new List<InboxItem>();
            for (var more = true; more;)
            {
                var page = await api.ReadInboxAsync(entries.LastOrDefault()?.Seq ?? 0, 500);
                entries.AddRange(page.Items);
                more = page.More;
            }

            if (entries.Count(e => e.CaseId == caseId) >= expected || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(200);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}.");
            await Task.Delay(20);
        }
    }
}

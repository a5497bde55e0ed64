using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Hub.Contracts.Inbox;
using Hub.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Gateway.Tests.Live;

/// <summary>Inbox entries reach connected users of that agency only, and catch-up by sequence fills any gap.</summary>
[Collection(SharedHubGroup.Name)]
public sealed class InboxPushTests(SharedHub hub)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private IAgencyInboxGrain Inbox(string agency) => hub.Services.GetRequiredService<IClusterClient>().GetGrain<IAgencyInboxGrain>(agency);

    private async Task<(HubConnection Connection, Channel<InboxPush> Pushes)> ConnectAsync(string user)
    {
        var pushes = Channel.CreateUnbounded<InboxPush>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => hub.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(hub.TokenFor(user));
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.On<InboxPush>("InboxChanged", p => pushes.Writer.TryWrite(p));
        await connection.StartAsync();
        return (connection, pushes);
    }

    [Fact]
    public async Task ANewInboxEntryIsPushedToItsAgencyAndNotToOthers()
    {
        var (police, policePushes) = await ConnectAsync("investigator@de-police.test");
        var (other, otherPushes) = await ConnectAsync("analyst@de-hotline.test");
        await using var policeConnection = police;
        await using var otherConnection = other;
        var caseId = Guid.NewGuid();

        await Inbox("de-police").DeliverAsync(new InboxNotice(caseId, 1, InboxItemKind.ReferralReceived, DateTimeOffset.UtcNow));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var push = await policePushes.Reader.ReadAsync(timeout.Token);
        Assert.Equal(("de-police", caseId, InboxItemKind.ReferralReceived), (push.AgencyId, push.CaseId, push.Kind));
        Assert.False(otherPushes.Reader.TryRead(out var leaked), $"de-hotline received {leaked}");
    }

    [Fact]
    public async Task CatchUpAfterASequenceNumberHasNoGapsAndNoDuplicates()
    {
        using var client = hub.ClientFor("investigator@fr-police.test");
        var caseId = Guid.NewGuid();
        var start = (await client.GetFromJsonAsync<InboxPageView>("/api/inbox?after=0&limit=500", Json))!.Items.LastOrDefault()?.Seq ?? 0;
        for (var v = 1; v <= 5; v++)
        {
            await Inbox("fr-police").DeliverAsync(new InboxNotice(caseId, v, InboxItemKind.StatusChanged, DateTimeOffset.UtcNow));
        }

        var firstPage = (await client.GetFromJsonAsync<InboxPageView>($"/api/inbox?after={start}&limit=2", Json))!;
        var rest = (await client.GetFromJsonAsync<InboxPageView>($"/api/inbox?after={firstPage.Items[^1].Seq}&limit=100", Json))!;

        var seqs = firstPage.Items.Concat(rest.Items).Select(i => i.Seq).ToList();
        Assert.True(firstPage.More);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => start + i), seqs);
        Assert.All(firstPage.Items.Concat(rest.Items), i => Assert.Equal(caseId, i.CaseId));
    }

    [Fact]
    public async Task TheInboxShowsOnlyTheCallersOwnAgency()
    {
        await Inbox("us-police").DeliverAsync(new InboxNotice(Guid.NewGuid(), 1, InboxItemKind.ReferralReceived, DateTimeOffset.UtcNow));
        using var client = hub.ClientFor("analyst@us-hotline.test");

        var page = (await client.GetFromJsonAsync<InboxPageView>("/api/inbox", Json))!;

        Assert.Equal("us-hotline", page.AgencyId);
        Assert.DoesNotContain(page.Items, i => i.Kind == InboxItemKind.ReferralReceived);
    }

    private sealed record InboxPageView(string AgencyId, List<InboxItem> Items, bool More);
}

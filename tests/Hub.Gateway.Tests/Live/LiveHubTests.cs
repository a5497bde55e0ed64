using System.Net;
using Hub.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Gateway.Tests.Live;

/// <summary>The SignalR hub as a client meets it: authenticated, and bound to the caller's agency.</summary>
[Collection(SharedHubGroup.Name)]
public sealed class LiveHubTests(SharedHub hub)
{
    private HubConnection Connect(string? token) => new HubConnectionBuilder()
        .WithUrl(new Uri(hub.Server.BaseAddress, "/hubs/live"), o =>
        {
            o.Transports = HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => hub.Server.CreateHandler();
            if (token is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        })
        .Build();

    [Fact]
    public async Task AConnectedUserIsBoundToTheirAgency()
    {
        await using var connection = Connect(hub.TokenFor("liaison@eu-liaison.test"));
        await connection.StartAsync();

        var me = await connection.InvokeAsync<WhoAmIView>("WhoAmI");

        Assert.Equal("eu-liaison", me.AgencyId);
        Assert.Equal(["Hub.Liaison"], me.Roles);
    }

    [Fact]
    public async Task TwoUsersOfDifferentAgenciesSeeTheirOwnBinding()
    {
        await using var police = Connect(hub.TokenFor("investigator@fr-police.test"));
        await using var hotline = Connect(hub.TokenFor("analyst@us-hotline.test"));
        await Task.WhenAll(police.StartAsync(), hotline.StartAsync());

        Assert.Equal("fr-police", (await police.InvokeAsync<WhoAmIView>("WhoAmI")).AgencyId);
        Assert.Equal("us-hotline", (await hotline.InvokeAsync<WhoAmIView>("WhoAmI")).AgencyId);
    }

    [Fact]
    public async Task ConnectingWithoutATokenIsRefused()
    {
        await using var connection = Connect(token: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task TheAccessTokenQueryParameterIsReadOnTheHubPath()
    {
        using var client = hub.CreateClient();
        var token = hub.TokenFor("analyst@be-hotline.test");

        var withToken = await client.PostAsync(new Uri($"/hubs/live/negotiate?negotiateVersion=1&access_token={token}", UriKind.Relative), null);
        var without = await client.PostAsync(new Uri("/hubs/live/negotiate?negotiateVersion=1", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
    }

    private sealed record WhoAmIView(string AgencyId, string UserId, string? UserName, string[] Roles);
}

using Hub.Client.Api;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Testing;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>
/// Signs users in through the hub's own development identity provider and builds SDK endpoints, either
/// against an in-process hub (TestServer: its handler, SignalR by long polling) or a real gateway process.
/// </summary>
public sealed class SdkWorld(Uri baseAddress, Func<HttpMessageHandler>? createHandler)
{
    public static SdkWorld Over(HubFactory hub) => new(hub.Server.BaseAddress, hub.Server.CreateHandler);

    public static SdkWorld Over(GatewayProcess gateway) => new(gateway.BaseAddress, null);

    /// <summary>A demo user, e.g. <c>analyst@be-hotline.test</c>.</summary>
    public async Task<HubEndpoint> SignInAsync(string userName)
    {
        using var idp = new DevIdentityClient(baseAddress, createHandler?.Invoke());
        return Endpoint(await idp.TokenForUserAsync(userName));
    }

    /// <summary>An ad-hoc user of any agency with the given roles.</summary>
    public async Task<HubEndpoint> SignInAsync(string agencyId, params string[] roles)
    {
        using var idp = new DevIdentityClient(baseAddress, createHandler?.Invoke());
        return Endpoint(await idp.TokenForRolesAsync(agencyId, roles));
    }

    private HubEndpoint Endpoint(string token) =>
        new(baseAddress, _ => Task.FromResult(token)) { CreateHandler = createHandler, LongPollingOnly = createHandler is not null };
}

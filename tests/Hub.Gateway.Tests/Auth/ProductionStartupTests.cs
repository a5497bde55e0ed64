using Hub.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hub.Gateway.Tests.Auth;

/// <summary>The development provider refuses to run outside Development.</summary>
public sealed class ProductionStartupTests
{
    [Fact]
    public async Task TheDevelopmentProviderSwitchedOnInProductionStopsStartup()
    {
        await using var factory = new ProductionWithDevProvider();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("development identity provider", Flatten(error), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProductionWithoutTheDevelopmentProviderServesNoTokenEndpoint()
    {
        await using var factory = new ProductionHub();
        using var client = factory.CreateClient();

        var discovery = await client.GetAsync(new Uri("/dev-idp/.well-known/openid-configuration", UriKind.Relative));
        var api = await client.GetAsync(new Uri("/api/agencies", UriKind.Relative));

        // The fallback policy answers unmapped paths too: no anonymous way in.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, discovery.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Flatten(e.InnerException)}";

    private class ProductionHub : HubFactory
    {
        protected override string Environment => "Production";
    }

    private sealed class ProductionWithDevProvider : ProductionHub
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DevIdentity:Enabled", "true");
        }
    }
}

using System.Net;
using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Auth;

/// <summary>The built-in provider as a client (the CLI) meets it: discovery, keys, tokens that the API accepts.</summary>
[Collection(SharedHubGroup.Name)]
public sealed class DevelopmentIdentityProviderTests(SharedHub hub)
{
    [Fact]
    public async Task DiscoveryNamesTheIssuerAndItsKeys()
    {
        using var client = hub.CreateClient();

        var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/dev-idp/.well-known/openid-configuration", UriKind.Relative))).RootElement;
        var jwks = JsonDocument.Parse(await client.GetStringAsync(new Uri("/dev-idp/jwks", UriKind.Relative))).RootElement;

        Assert.Equal("http://localhost:5080/dev-idp", discovery.GetProperty("issuer").GetString());
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "The JWKS must not publish the private key.");
    }

    [Fact]
    public async Task APasswordGrantForADemoUserGivesATokenThatTheApiAccepts()
    {
        using var client = hub.CreateClient();

        var response = await client.PostAsync(
            new Uri("/dev-idp/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "investigator@nl-police.test" }));
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        using var api = hub.ClientWithToken(token);
        var me = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/me", UriKind.Relative))).RootElement;

        Assert.Equal("nl-police", me.GetProperty("agencyId").GetString());
        Assert.Equal("Hub.Investigator", me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task AnUnknownDemoUserIsAnInvalidGrant()
    {
        using var client = hub.CreateClient();

        var response = await client.PostAsync(
            new Uri("/dev-idp/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "nobody@nowhere.test" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TheDevUserGrantRefusesRolesOutsideTheHubRoles()
    {
        using var client = hub.CreateClient();

        var response = await client.PostAsync(
            new Uri("/dev-idp/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "urn:hub:dev:user", ["agency"] = "xx-hotline", ["roles"] = "Hub.System" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

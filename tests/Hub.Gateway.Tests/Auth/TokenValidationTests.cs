using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hub.Contracts;
using Hub.Gateway.Auth.Development;
using Hub.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Tests.Auth;

/// <summary>Every wrong token is a 401 problem and writes nothing; a right token without an agency is a 403.</summary>
[Collection(SharedHubGroup.Name)]
public sealed class TokenValidationTests(SharedHub hub)
{
    private ForgedTokens Forge => new(hub.Services.GetRequiredService<DevSigningKey>(), hub.Services.GetRequiredService<IOptions<DevIdentityOptions>>().Value);

    public static TheoryData<string> BadTokens => new() { "expired", "wrong-audience", "wrong-issuer", "alg-none", "foreign-key", "garbage" };

    private string TokenOfKind(string kind) => kind switch
    {
        "expired" => Forge.Expired(),
        "wrong-audience" => Forge.WrongAudience(),
        "wrong-issuer" => Forge.WrongIssuer(),
        "alg-none" => Forge.AlgNone(),
        "foreign-key" => Forge.SignedWithForeignKey(),
        _ => "not.a.jwt",
    };

    [Fact]
    public async Task NoTokenIsUnauthorizedWithProblemDetails()
    {
        using var client = hub.CreateClient();

        var response = await client.GetAsync(new Uri("/api/agencies", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ABadTokenIsUnauthorizedOnReadsAndWritesAndWritesNothing(string kind)
    {
        using var client = hub.ClientWithToken(TokenOfKind(kind));
        var before = await hub.JournalEntriesAsync();

        var read = await client.GetAsync(new Uri("/api/agencies", UriKind.Relative));
        var write = await client.PutAsJsonAsync("/api/agencies/be-hotline", new { kind = "Hotline", country = "BE", displayName = "Hijacked" });

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(write, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await hub.JournalEntriesAsync());
    }

    [Fact]
    public async Task ABadTokenOnTheLiveHubNegotiationIsUnauthorized()
    {
        using var client = hub.CreateClient();

        var response = await client.PostAsync(new Uri($"/hubs/live/negotiate?negotiateVersion=1&access_token={Forge.Expired()}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AValidTokenThatNamesNoAgencyIsForbidden()
    {
        using var client = hub.ClientWithToken(Forge.WithoutAgency());

        var response = await client.GetAsync(new Uri("/api/agencies", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ATokenCannotClaimTheHubsReservedSystemAgency()
    {
        using var client = hub.ClientWithToken(Forge.WithAgency(Caller.SystemAgencyId));

        var response = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ASystemRoleInATokenIsIgnored()
    {
        using var client = hub.ClientWithToken(Forge.WithRoles(HubRoles.System, HubRoles.Analyst));

        var me = await client.GetFromJsonAsync<MeView>("/api/me");

        Assert.Equal([HubRoles.Analyst], me!.Roles);
    }

    [Fact]
    public async Task TheTokenIsAcceptedFromTheHeaderButNotFromTheQueryStringOutsideHubs()
    {
        using var client = hub.CreateClient();
        var token = hub.TokenFor("analyst@be-hotline.test");

        var viaQuery = await client.GetAsync(new Uri($"/api/me?access_token={token}", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var viaHeader = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, viaQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
    }

    [Fact]
    public async Task AnAcceptedTokenIsAcceptedAgainButItsClaimsUnderAForeignSignatureAreNot()
    {
        var token = hub.TokenFor("analyst@be-hotline.test");
        using var client = hub.ClientWithToken(token);
        using var foreign = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var signedPart = token[..token.LastIndexOf('.')];
        var signature = foreign.SignData(System.Text.Encoding.ASCII.GetBytes(signedPart), System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var twin = hub.ClientWithToken($"{signedPart}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(signature)}");

        var first = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        var again = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        var forged = await twin.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized);
    }

    private sealed record MeView(string AgencyId, string UserId, string? UserName, string[] Roles);
}

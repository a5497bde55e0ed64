using System.Net;
using System.Text;
using Hub.Gateway.Tests.Infrastructure;

namespace Hub.Gateway.Tests.Operations;

[Collection(SharedHubGroup.Name)]
public sealed class OperationsTests(SharedHub hub)
{
    [Fact]
    public async Task LivenessAndReadinessAnswerWithoutAToken()
    {
        using var client = hub.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheAgencyEndpoints()
    {
        using var client = hub.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var reference = await client.GetAsync(new Uri("/scalar/", UriKind.Relative));

        Assert.Contains("/api/agencies/{id}", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task LogsNeverContainTokensOrRequestBodies()
    {
        const string marker = "SECRET-BODY-MARKER-7f3a";
        var token = hub.TokenFor("admin@be-hotline.test");
        using var client = hub.ClientWithToken(token);
        using var forged = hub.ClientWithToken(token[..^4] + "AAAA");

        await client.PutAsync(new Uri("/api/agencies/be-hotline", UriKind.Relative), new StringContent($"{{\"kind\": \"{marker}\"", Encoding.UTF8, "application/json"));
        await client.PutAsync(new Uri("/api/agencies/nl-hotline", UriKind.Relative), new StringContent($"{{\"displayName\": \"{marker}\"}}", Encoding.UTF8, "application/json"));
        await forged.GetAsync(new Uri("/api/agencies", UriKind.Relative));

        var signature = token.Split('.')[2];
        Assert.NotEmpty(hub.Logs.Lines);
        Assert.DoesNotContain(hub.Logs.Lines, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(hub.Logs.Lines, line => line.Contains(signature, StringComparison.Ordinal));
    }
}

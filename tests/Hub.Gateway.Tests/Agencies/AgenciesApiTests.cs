using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Silo.Seeding;

namespace Hub.Gateway.Tests.Agencies;

[Collection(SharedHubGroup.Name)]
public sealed class AgenciesApiTests(SharedHub hub)
{
    private static async Task<string> DevUserTokenAsync(HttpClient client, string agency, string roles)
    {
        var response = await client.PostAsync(
            new Uri("/dev-idp/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "urn:hub:dev:user", ["agency"] = agency, ["roles"] = roles }));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task AnAnalystListsTheSeededDemoNetwork()
    {
        using var client = hub.ClientFor("analyst@be-hotline.test");

        var agencies = await client.GetFromJsonAsync<JsonElement[]>("/api/agencies");

        var ids = agencies!.Select(a => a.GetProperty("id").GetString()).ToHashSet();
        Assert.Subset(ids, DemoNetwork.Agencies.Select(a => (string?)a.Id).ToHashSet());
        var bePolice = agencies!.Single(a => a.GetProperty("id").GetString() == "be-police");
        Assert.Equal("PoliceUnit", bePolice.GetProperty("kind").GetString());
        Assert.Equal("BE", bePolice.GetProperty("country").GetString());
        Assert.Equal(15, bePolice.GetProperty("sla").GetProperty("acknowledgeUrgentMinutes").GetInt32());
    }

    [Fact]
    public async Task AnOverlongAgencyIdIsNotFoundNotAServerError()
    {
        using var client = hub.ClientFor("analyst@be-hotline.test");

        foreach (var path in new[] { $"/api/agencies/{new string('a', 300)}", $"/api/agencies/{new string('a', 300)}/keys", $"/api/agencies/{new string('a', 300)}/audit/checkpoint" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path[..30]}…: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task AnUnknownAgencyIsNotFound()
    {
        using var client = hub.ClientFor("analyst@be-hotline.test");

        var response = await client.GetAsync(new Uri("/api/agencies/zz-nowhere", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    // Whitespace (Orleans refuses it as a key), control characters (the journal refuses them in stream ids), and invalid
    // UTF-8, which must stay percent-encoded and never reach a grain as a lone surrogate.
    [InlineData("/api/agencies/%20")]
    [InlineData("/api/agencies/%09%20")]
    [InlineData("/api/agencies/%20/keys")]
    [InlineData("/api/agencies/%20/audit/checkpoint")]
    [InlineData("/api/agencies/%E2%80%83")]
    [InlineData("/api/agencies/a%01b")]
    [InlineData("/api/agencies/a%01b/keys")]
    [InlineData("/api/agencies/%ED%A0%80x")]
    public async Task AnAgencyIdNoGrainCanHaveIsNotFoundNotAServerError(string path)
    {
        using var client = hub.ClientFor("analyst@be-hotline.test");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnAdminCreatesTheirOwnAgencyAndEveryoneSeesIt()
    {
        using var anonymous = hub.CreateClient();
        var id = $"lu-hotline-{Guid.NewGuid():N}"[..20];
        using var admin = hub.ClientWithToken(await DevUserTokenAsync(anonymous, id, "Hub.AgencyAdmin"));

        var created = await admin.PutAsJsonAsync($"/api/agencies/{id}", new { kind = "Hotline", country = "LU", displayName = "Luxembourg Hotline (test)" });
        using var reader = hub.ClientFor("investigator@de-police.test");
        var listed = await reader.GetFromJsonAsync<JsonElement[]>("/api/agencies");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/agencies/{id}", created.Headers.Location!.OriginalString);
        Assert.Contains(listed!, a => a.GetProperty("id").GetString() == id && a.GetProperty("country").GetString() == "LU");
    }

    [Fact]
    public async Task AnAdminOfOneAgencyCannotChangeAnotherAndNothingIsWritten()
    {
        using var admin = hub.ClientFor("admin@be-hotline.test");
        var before = await hub.JournalEntriesAsync();

        var response = await admin.PutAsJsonAsync("/api/agencies/nl-police", new { kind = "PoliceUnit", country = "NL", displayName = "Taken over" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await hub.JournalEntriesAsync());
    }

    [Fact]
    public async Task AnAnalystCannotChangeTheirOwnAgency()
    {
        using var analyst = hub.ClientFor("analyst@be-hotline.test");
        var before = await hub.JournalEntriesAsync();

        var response = await analyst.PutAsJsonAsync("/api/agencies/be-hotline", new { kind = "Hotline", country = "BE", displayName = "Renamed" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await hub.JournalEntriesAsync());
    }

    [Theory]
    [InlineData("{\"kind\": \"Hotline\", \"country\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"kind\": \"Bakery\", \"country\": \"BE\", \"displayName\": \"x\"}")]
    [InlineData("{\"kind\": 2, \"country\": \"BE\", \"displayName\": \"x\"}")]
    public async Task AMalformedBodyIsABadRequestProblemAndWritesNothing(string body)
    {
        using var admin = hub.ClientFor("admin@be-hotline.test");
        var before = await hub.JournalEntriesAsync();

        var response = await admin.PutAsync(new Uri("/api/agencies/be-hotline", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("malformed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Bakery", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await hub.JournalEntriesAsync());
    }

    [Fact]
    public async Task AnInvalidCountryIsABadRequestThatSaysWhy()
    {
        using var admin = hub.ClientFor("admin@be-hotline.test");
        var before = await hub.JournalEntriesAsync();

        var response = await admin.PutAsJsonAsync("/api/agencies/be-hotline", new { kind = "Hotline", country = "Belgium", displayName = "BE Hotline" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("ISO 3166-1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await hub.JournalEntriesAsync());
    }

    [Fact]
    public async Task RepeatingAnUpdateWritesOnlyOnce()
    {
        using var anonymous = hub.CreateClient();
        var id = $"mt-police-{Guid.NewGuid():N}"[..20];
        using var admin = hub.ClientWithToken(await DevUserTokenAsync(anonymous, id, "Hub.AgencyAdmin"));
        var body = new { kind = "PoliceUnit", country = "MT", displayName = "Malta Police (test)" };
        await admin.PutAsJsonAsync($"/api/agencies/{id}", body);
        var before = await hub.JournalEntriesAsync();

        var retry = await admin.PutAsJsonAsync($"/api/agencies/{id}", body);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(before, await hub.JournalEntriesAsync());
    }
}

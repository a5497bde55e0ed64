using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing;

namespace Hub.Gateway.Tests.Durability;

/// <summary>What the hub acknowledged is still there after the process stops or dies and starts again on the same journal.</summary>
public sealed class RestartDurabilityTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("hub-restart-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("SIGTERM")]
    [InlineData("SIGKILL")]
    public async Task AnAcknowledgedAgencySurvivesARestart(string stop)
    {
        var id = $"pt-hotline-{stop.ToLowerInvariant()}";
        await using (var first = await GatewayProcess.StartAsync(_data))
        {
            var adminToken = await first.TokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:hub:dev:user", ["agency"] = id, ["roles"] = "Hub.AgencyAdmin",
            });
            using var admin = first.CreateClient(adminToken);
            var created = await admin.PutAsJsonAsync($"/api/agencies/{id}", new { kind = "Hotline", country = "PT", displayName = "Portugal Hotline (test)" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            if (stop == "SIGTERM")
            {
                Assert.Equal(0, await first.TerminateAsync());
            }
            else
            {
                await first.KillAsync();
            }
        }

        await using var second = await GatewayProcess.StartAsync(_data);
        var analystToken = await second.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "analyst@be-hotline.test",
        });
        using var analyst = second.CreateClient(analystToken);
        var profile = await analyst.GetFromJsonAsync<JsonElement>($"/api/agencies/{id}");

        Assert.Equal("PT", profile.GetProperty("country").GetString());
        Assert.Equal("Portugal Hotline (test)", profile.GetProperty("displayName").GetString());
        var listed = await analyst.GetFromJsonAsync<JsonElement[]>("/api/agencies");
        Assert.Contains(listed!, a => a.GetProperty("id").GetString() == id);
    }
}

using System.Net.Http.Json;
using Hub.Contracts.Audit;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Transparency.Notes;

namespace Hub.Gateway.Tests.Audit;

[Collection(SharedHubGroup.Name)]
public sealed class AuditApiTests(SharedHub hub)
{
    [Fact]
    public async Task TheLogKeysAreServedWithoutATokenAsAVerifierKey()
    {
        using var client = hub.CreateClient();

        var keys = await client.GetFromJsonAsync<AuditKeys>(new Uri("/api/audit/keys", UriKind.Relative));

        Assert.NotNull(keys);
        Assert.True(Ed25519NoteVerifier.TryParse(Assert.Single(keys.LogKeys), out var logKey));
        Assert.Equal(keys.OriginPrefix, logKey.Name);
        Assert.DoesNotContain("PRIVATE", string.Join('\n', keys.LogKeys), StringComparison.Ordinal);
    }
}

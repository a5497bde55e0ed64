using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Audit;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Notes;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Tests.Audit;

/// <summary>A grain over a stream that was edited in the database refuses to activate, so it serves nothing.</summary>
public sealed class TamperedGrainTests(SiloClusterFixture fixture) : IClassFixture<SiloClusterFixture>
{
    private static AgencyProfile Profile(string id) => new(id, AgencyKind.Hotline, "BE", "Tamper Test Hotline", SlaTargets.Default);

    [Fact]
    public async Task AnAgencyWhoseStreamWasEditedRefusesToActivate()
    {
        var id = $"zz-tamper-{Guid.NewGuid():N}"[..24];
        var admin = new Caller(id, Guid.NewGuid().ToString(), [HubRoles.AgencyAdmin]);
        var grain = fixture.Client.GetGrain<IAgencyGrain>(id);
        await grain.DefineAsync(admin, Profile(id));
        await fixture.Cluster.DeactivateAsync(grain);

        await using (var connection = new SqliteConnection($"Data Source={fixture.JournalPath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE journal_entries SET payload = replace(payload, 'BE', 'NL') WHERE stream_id = $s";
            command.Parameters.AddWithValue("$s", $"agency/{id}");
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var refused = await Assert.ThrowsAsync<JournalTamperedException>(() => fixture.Client.GetGrain<IAgencyGrain>(id).GetProfileAsync());

        Assert.Equal((JournalIntegrityCheck.LeafHash, $"agency/{id}", 1L), (refused.Check, refused.StreamId, refused.Version));
        Assert.DoesNotContain("Tamper Test Hotline", refused.ToString(), StringComparison.Ordinal);

        // Still refused on the next call: the grain never serves the stream.
        await Assert.ThrowsAsync<JournalTamperedException>(() => fixture.Client.GetGrain<IAgencyGrain>(id).GetProfileAsync());
    }

    [Fact]
    public async Task TheAuditKeysGrainPublishesTheHubLogKey()
    {
        var keys = await fixture.Client.GetGrain<IAuditKeysGrain>(0).GetKeysAsync();

        Assert.True(Ed25519NoteVerifier.TryParse(Assert.Single(keys.LogKeys), out var logKey));
        Assert.Equal(keys.OriginPrefix, logKey.Name);
        Assert.Empty(keys.WitnessKeys);
    }
}

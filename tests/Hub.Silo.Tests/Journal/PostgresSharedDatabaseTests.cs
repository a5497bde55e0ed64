using System.Text;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Tests.Testing;
using Hub.Transparency.Merkle;
using Npgsql;

namespace Hub.Silo.Tests.Journal;

/// <summary>
/// Several silos on one database, each with its own store (own pool, own writer, own frontier cache), as a
/// cluster runs: races for one stream, a grain moving between silos, and schema creation at the same moment.
/// </summary>
public sealed class PostgresSharedDatabaseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly List<PostgresJournalStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoSilosRacingForOneStreamNeverBothWinAndLeaveNoPartialWrite()
    {
        var (a, b) = (Open(), Open());
        var stream = $"race/{Guid.NewGuid():N}";

        for (var version = 0; version < 30; version++)
        {
            // Each side appends two entries and a blob at the same expected version.
            var blobs = new[] { PendingBlob.Of(Bytes($"a{version}")), PendingBlob.Of(Bytes($"b{version}")) };
            var outcomes = await Task.WhenAll(
                Outcome(a.AppendAsync(stream, version * 2, [Entry($"a{version}"), Entry($"a{version}'")], [blobs[0]])),
                Outcome(b.AppendAsync(stream, version * 2, [Entry($"b{version}"), Entry($"b{version}'")], [blobs[1]])));

            Assert.Equal(1, outcomes.Count(won => won));
            var winner = outcomes[0] ? 0 : 1;
            Assert.NotNull(await a.GetBlobAsync(new BlobReference(stream, (version * 2) + 1, blobs[winner].Digest)));
            Assert.Null(await a.GetBlobAsync(new BlobReference(stream, (version * 2) + 1, blobs[1 - winner].Digest)));
        }

        var entries = new List<JournalEntry>();
        await foreach (var entry in a.ReadAsync(stream))
        {
            entries.Add(entry);
        }

        Assert.Equal(Enumerable.Range(1, 60).Select(v => (long)v), entries.Select(e => e.Version));
        // Each pair comes from one side: no append was half written beside the other's.
        for (var i = 0; i < 60; i += 2)
        {
            Assert.Equal(Text(entries[i])[0], Text(entries[i + 1])[0]);
        }

        Assert.Equal(Rebuild(entries), (await b.GetTreeHeadAsync(stream)).RootHash.ToArray());
    }

    [Fact]
    public async Task AFrontierCachedBeforeAnotherSiloAppendedIsNotTrusted()
    {
        var (first, second) = (Open(), Open());
        var stream = $"moved/{Guid.NewGuid():N}";

        // The grain lives on the first silo (which caches the stream's frontier), moves to the second, and back.
        var version = 0L;
        foreach (var (store, count) in new[] { (first, 5), (second, 6), (first, 3), (second, 1), (first, 4) })
        {
            for (var i = 0; i < count; i++)
            {
                version = await store.AppendAsync(stream, version, [Entry($"{stream}:{version + 1}")]);
            }
        }

        var entries = new List<JournalEntry>();
        await foreach (var entry in second.ReadAsync(stream))
        {
            entries.Add(entry);
        }

        Assert.Equal(19, entries.Count);
        Assert.Equal(Rebuild(entries), (await first.GetTreeHeadAsync(stream)).RootHash.ToArray());
        Assert.Equal(Rebuild(entries), (await second.GetTreeHeadAsync(stream)).RootHash.ToArray());
    }

    [Fact]
    public async Task SilosStartingTogetherCreateTheSchemaOnceAndAllWork()
    {
        await using var fresh = await Hub.Testing.PostgresTestDatabase.CreateAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Open(fresh.ConnectionString))));
        var versions = await Task.WhenAll(stores.Select((s, i) => s.AppendAsync($"start/{i}", 0, [Entry("x")])));

        Assert.All(versions, v => Assert.Equal(1, v));
        Assert.Equal(1, await ScalarAsync<int>(fresh.ConnectionString, "SELECT version FROM hub_schema_versions WHERE component = 'journal'"));
        foreach (var store in stores)
        {
            _stores.Remove(store);
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerHubIsRefused()
    {
        await using var fresh = await Hub.Testing.PostgresTestDatabase.CreateAsync();
        await Open(fresh.ConnectionString).DisposeAsync();
        await ScalarAsync<int>(fresh.ConnectionString, "UPDATE hub_schema_versions SET version = 99 WHERE component = 'journal' RETURNING version");

        var refused = Assert.Throws<InvalidOperationException>(() => Open(fresh.ConnectionString));

        Assert.Contains("newer than this hub knows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingConnectionStringIsRefusedWithTheSettingsName()
    {
        var refused = Assert.Throws<ArgumentException>(() => new PostgresJournalStore(new PostgresJournalOptions()));

        Assert.Contains("Hub:Journal:Postgres:ConnectionString", refused.Message, StringComparison.Ordinal);
    }

    private PostgresJournalStore Open(string? connectionString = null)
    {
        var store = new PostgresJournalStore(new PostgresJournalOptions { ConnectionString = connectionString ?? database.ConnectionString });
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = (T)(await command.ExecuteScalarAsync())!;
        NpgsqlConnection.ClearPool(connection);
        return value;
    }

    private static async Task<bool> Outcome(Task<long> append)
    {
        try
        {
            await append;
            return true;
        }
        catch (JournalConflictException)
        {
            return false;
        }
    }

    private static byte[] Rebuild(IEnumerable<JournalEntry> entries)
    {
        var log = new InMemoryMerkleLog();
        foreach (var entry in entries)
        {
            log.AppendLeafHash(JournalLeaf.ComputeHash(entry));
        }

        return log.GetRoot();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes($"{text} {Guid.NewGuid()}");

    private static PendingEntry Entry(string text) => new("test.v1", Encoding.UTF8.GetBytes(text));

    private static string Text(JournalEntry entry) => Encoding.UTF8.GetString(entry.Payload.Span);
}

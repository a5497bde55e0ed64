using System.Net;
using Hub.Silo.Clustering.Postgres;
using Hub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Hub.Silo.Tests.Clustering;

/// <summary>
/// The PostgreSQL membership table and gateway list against the contract Orleans' membership protocol relies on:
/// a versioned view that changes by compare-and-swap only, exact round trips, heartbeats that change nothing else.
/// </summary>
public sealed class PostgresMembershipTableTests : IAsyncLifetime
{
    private static readonly DateTime Started = new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc).AddTicks(1234567);

    private readonly List<ClusterDatabase> _opened = [];
    private PostgresTestDatabase _database = null!;
    private PostgresMembershipTable _table = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _table = await OpenAsync("cluster-a");
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ANewClusterReadsEmptyAtVersionZero()
    {
        var data = await _table.ReadAll();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task AnInsertedEntryReadsBackExactlyAndMovesTheVersion()
    {
        var suspector = Silo(11112, 7);
        var entry = Entry(Silo(11111, 42), SiloStatus.Joining);
        entry.SuspectTimes = [Tuple.Create(suspector, Started.AddSeconds(3))];

        Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));

        var data = await _table.ReadRow(entry.SiloAddress);
        var (read, _) = Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.Status, read.Status);
        Assert.Equal(entry.ProxyPort, read.ProxyPort);
        Assert.Equal(entry.SiloName, read.SiloName);
        Assert.Equal(entry.HostName, read.HostName);
        Assert.Equal(entry.RoleName, read.RoleName);
        Assert.Equal(entry.UpdateZone, read.UpdateZone);
        Assert.Equal(entry.FaultZone, read.FaultZone);
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        var (suspect, at) = Assert.Single(read.SuspectTimes!);
        Assert.Equal(suspector, suspect);
        Assert.Equal(Started.AddSeconds(3), at);
    }

    [Fact]
    public async Task AnInsertFromAStaleVersionIsRefusedAndWritesNothing()
    {
        var stale = (await _table.ReadAll()).Version;
        Assert.True(await _table.InsertRow(Entry(Silo(11111, 1), SiloStatus.Joining), stale.Next()));

        Assert.False(await _table.InsertRow(Entry(Silo(11112, 2), SiloStatus.Joining), stale.Next()));

        var data = await _table.ReadAll();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task InsertingASiloTwiceIsRefusedWithoutMovingTheVersion()
    {
        var entry = Entry(Silo(11111, 1), SiloStatus.Joining);
        Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));

        Assert.False(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));

        Assert.Equal(1, (await _table.ReadAll()).Version.Version);
    }

    [Fact]
    public async Task AnUpdateNeedsTheRowsCurrentETag()
    {
        var entry = Entry(Silo(11111, 1), SiloStatus.Joining);
        Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));
        var (_, etag) = (await _table.ReadRow(entry.SiloAddress)).Members[0];

        entry.Status = SiloStatus.Active;
        Assert.True(await _table.UpdateRow(entry, etag, (await _table.ReadAll()).Version.Next()));
        entry.Status = SiloStatus.Dead;
        Assert.False(await _table.UpdateRow(entry, etag, (await _table.ReadAll()).Version.Next()));

        var data = await _table.ReadRow(entry.SiloAddress);
        Assert.Equal(SiloStatus.Active, data.Members[0].Item1.Status);
        Assert.NotEqual(etag, data.Members[0].Item2);
        Assert.Equal(2, data.Version.Version);
    }

    [Fact]
    public async Task OfTwoSilosRacingFromOneVersionExactlyOneWins()
    {
        var other = await OpenAsync("cluster-a");
        var version = (await _table.ReadAll()).Version.Next();

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _table : other).InsertRow(Entry(Silo(12000 + i, i), SiloStatus.Joining), version)));

        Assert.Single(results, won => won);
        Assert.Single((await _table.ReadAll()).Members);
    }

    [Fact]
    public async Task AHeartbeatChangesOnlyTheAliveTime()
    {
        var entry = Entry(Silo(11111, 1), SiloStatus.Active);
        Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));
        var before = await _table.ReadRow(entry.SiloAddress);

        entry.IAmAliveTime = Started.AddMinutes(1);
        entry.Status = SiloStatus.Dead;   // not written by a heartbeat
        await _table.UpdateIAmAlive(entry);

        var after = await _table.ReadRow(entry.SiloAddress);
        Assert.Equal(Started.AddMinutes(1), after.Members[0].Item1.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, after.Members[0].Item1.Status);
        Assert.Equal(before.Members[0].Item2, after.Members[0].Item2);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task CleanupRemovesOnlyDefunctSilosThatStoppedBeatingBeforeTheDate()
    {
        await InsertAsync(Entry(Silo(11111, 1), SiloStatus.Dead));
        await InsertAsync(Entry(Silo(11112, 2), SiloStatus.Active));
        var recent = Entry(Silo(11113, 3), SiloStatus.Dead);
        recent.IAmAliveTime = Started.AddHours(2);
        await InsertAsync(recent);

        await _table.CleanupDefunctSiloEntries(Started.AddHours(1));

        var left = (await _table.ReadAll()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order();
        Assert.Equal([11112, 11113], left);
    }

    [Fact]
    public async Task ClustersSharingTheDatabaseAreSeparateAndDeletedSeparately()
    {
        var other = await OpenAsync("cluster-b");
        await InsertAsync(Entry(Silo(11111, 1), SiloStatus.Active));
        Assert.True(await other.InsertRow(Entry(Silo(11111, 1), SiloStatus.Active), (await other.ReadAll()).Version.Next()));

        await _table.DeleteMembershipTableEntries("cluster-b");

        Assert.Single((await _table.ReadAll()).Members);
        Assert.Empty((await other.ReadAll()).Members);
    }

    [Fact]
    public async Task TheGatewayListNamesTheClientPortsOfActiveSilosOnly()
    {
        await InsertAsync(Entry(Silo(11111, 1), SiloStatus.Active, proxyPort: 30001));
        await InsertAsync(Entry(Silo(11112, 2), SiloStatus.Dead, proxyPort: 30002));
        await InsertAsync(Entry(Silo(11113, 3), SiloStatus.Joining, proxyPort: 30003));
        var database = new ClusterDatabase(_database.ConnectionString);
        _opened.Add(database);
        var gateways = new PostgresGatewayListProvider(
            database, Options.Create(new ClusterOptions { ClusterId = "cluster-a" }), Options.Create(new GatewayOptions()));

        var uri = Assert.Single(await gateways.GetGateways());

        Assert.Equal(30001, uri.Port);
        Assert.Equal("127.0.0.1", uri.Host);
    }

    private async Task InsertAsync(MembershipEntry entry) =>
        Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));

    private async Task<PostgresMembershipTable> OpenAsync(string clusterId)
    {
        var database = new ClusterDatabase(_database.ConnectionString);
        _opened.Add(database);
        var table = new PostgresMembershipTable(
            database, Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "hub" }), NullLogger<PostgresMembershipTable>.Instance);
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        return table;
    }

    private static SiloAddress Silo(int port, int generation) => SiloAddress.New(IPAddress.Loopback, port, generation);

    private static MembershipEntry Entry(SiloAddress silo, SiloStatus status, int proxyPort = 30000) => new()
    {
        SiloAddress = silo,
        Status = status,
        ProxyPort = proxyPort,
        SiloName = $"silo-{silo.Endpoint.Port}",
        HostName = "node.test",
        RoleName = "hub",
        UpdateZone = 1,
        FaultZone = 2,
        StartTime = Started,
        IAmAliveTime = Started,
        SuspectTimes = [],
    };
}

using System.Globalization;
using Hub.Client.Api;
using Npgsql;

namespace Hub.Testing;

/// <summary>
/// A Hub cluster of real processes on loopback: silos (<c>Hub.Silo.dll</c>) and gateways in client mode
/// (<c>Hub.Gateway.dll</c>) over one throwaway PostgreSQL database, with one shared log key and one shared
/// development signing key, as an operator would run it. Each process can be killed and started again in place.
/// </summary>
public sealed class HubCluster : IAsyncDisposable
{
    /// <summary>Every gateway's development provider signs as this issuer, so a token from one is valid on all.</summary>
    public const string Issuer = "http://hub-cluster.test/dev-idp";

    private readonly string _directory = Directory.CreateTempSubdirectory("hub-cluster-").FullName;
    private readonly string _clusterId = $"hub-test-{Guid.NewGuid().ToString("N")[..8]}";
    private readonly IReadOnlyList<string> _extra;
    private readonly SiloProcess?[] _silos;
    private readonly GatewayProcess?[] _gateways;
    private readonly (int Silo, int Gateway)[] _siloPorts;
    private readonly int[] _httpPorts;

    private HubCluster(PostgresTestDatabase database, int silos, int gateways, IReadOnlyList<string> extra)
    {
        Database = database;
        _extra = extra;
        _silos = new SiloProcess?[silos];
        _gateways = new GatewayProcess?[gateways];
        _siloPorts = [.. Enumerable.Range(0, silos).Select(_ => (FreePorts.Next(), FreePorts.Next()))];
        _httpPorts = [.. Enumerable.Range(0, gateways).Select(_ => FreePorts.Next())];
    }

    public PostgresTestDatabase Database { get; }

    public IReadOnlyList<SiloProcess?> Silos => _silos;

    public IReadOnlyList<GatewayProcess?> Gateways => _gateways;

    /// <summary>Where the cluster's shared files (log key, development signing key) live.</summary>
    public string SharedDirectory => _directory;

    /// <summary>Starts <paramref name="silos"/> silos one after the other, then the gateways.</summary>
    /// <param name="extra">Configuration for every process (<c>--Key=value</c>), e.g. TLS.</param>
    public static async Task<HubCluster> StartAsync(int silos, int gateways, IEnumerable<string>? extra = null)
    {
        var cluster = new HubCluster(await PostgresTestDatabase.CreateAsync(), silos, gateways, [.. extra ?? []]);
        try
        {
            // Together, as an orchestrator would: the schema lock and the seeding must cope.
            await Task.WhenAll(Enumerable.Range(0, silos).Select(cluster.StartSiloAsync));
            await Task.WhenAll(Enumerable.Range(0, gateways).Select(cluster.StartGatewayAsync));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Configuration every process of this cluster shares.</summary>
    public IReadOnlyList<string> CommonArguments =>
    [
        "--Hub:Orleans:Clustering=Postgres",
        $"--Hub:Orleans:ConnectionString={Database.ConnectionString}",
        $"--Hub:Orleans:ClusterId={_clusterId}",
        "--Hub:Orleans:AdvertisedAddress=127.0.0.1",
        // Declare a killed silo dead within seconds rather than the production default of a minute or so.
        "--Hub:Orleans:Membership:ProbeTimeout=00:00:01",
        "--Hub:Orleans:Membership:NumMissedProbesLimit=2",
        "--Hub:Orleans:Membership:TableRefreshTimeout=00:00:02",
        "--Hub:Orleans:Messaging:ResponseTimeout=00:00:10",
        "--Hub:Orleans:GatewayList:GatewayListRefreshPeriod=00:00:02",
        "--Hub:Journal:Provider=Postgres",
        $"--Hub:Journal:Postgres:ConnectionString={Database.ConnectionString}",
        $"--Hub:Audit:KeyPath={Path.Combine(_directory, "hub-log.key")}",
        .. _extra,
    ];

    public async Task StartSiloAsync(int index)
    {
        var data = Directory.CreateDirectory(Path.Combine(_directory, $"silo-{index}")).FullName;
        _silos[index] = await SiloProcess.StartAsync(data, [.. CommonArguments, "--Hub:SeedDemoNetwork=true"], _siloPorts[index].Silo, _siloPorts[index].Gateway);
    }

    public async Task StartGatewayAsync(int index)
    {
        var data = Directory.CreateDirectory(Path.Combine(_directory, $"gateway-{index}")).FullName;
        _gateways[index] = await GatewayProcess.StartAsync(data, _httpPorts[index],
        [
            .. CommonArguments,
            "--Hub:Orleans:Mode=Client",
            $"--DevIdentity:Issuer={Issuer}",
            $"--DevIdentity:SigningKeyPath={Path.Combine(_directory, "dev-idp-key.pem")}",
            "--Hub:Live:ResubscribeInterval=00:00:01",
        ]);
    }

    public async Task KillSiloAsync(int index)
    {
        await _silos[index]!.KillAsync();
        await _silos[index]!.DisposeAsync();
        _silos[index] = null;
    }

    public async Task KillGatewayAsync(int index)
    {
        await _gateways[index]!.KillAsync();
        await _gateways[index]!.DisposeAsync();
        _gateways[index] = null;
    }

    /// <summary>The address gateway <paramref name="index"/> listens on (also while it is down).</summary>
    public Uri GatewayAddress(int index) => new($"http://127.0.0.1:{_httpPorts[index].ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Signs a demo user in at gateway <paramref name="index"/>'s development provider.</summary>
    public async Task<string> TokenAsync(string userName, int index = 0)
    {
        using var idp = new DevIdentityClient(GatewayAddress(index));
        return await idp.TokenForUserAsync(userName);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }
        }

        foreach (var silo in _silos)
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }

        // A test may have restarted the server: idle pooled connections of this process are dead now, and the
        // drop below must not pick one of them.
        NpgsqlConnection.ClearAllPools();
        await Database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

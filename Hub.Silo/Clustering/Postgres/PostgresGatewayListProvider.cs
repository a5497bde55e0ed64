using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Hub.Silo.Clustering.Postgres;

/// <summary>
/// Where an Orleans client (a gateway in client mode) finds silos: the client ports of the active silos in the
/// membership table. A client only reads; the silos create the schema.
/// </summary>
public sealed class PostgresGatewayListProvider(ClusterDatabase database, IOptions<ClusterOptions> cluster, IOptions<GatewayOptions> gateway)
    : IGatewayListProvider
{
    private readonly string _clusterId = cluster.Value.ClusterId;

    public TimeSpan MaxStaleness => gateway.Value.GatewayListRefreshPeriod;

    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    public async Task<IList<Uri>> GetGateways()
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT silo, proxy_port FROM hub_membership WHERE cluster_id = @cluster AND status = @active AND proxy_port > 0");
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        var gateways = new List<Uri>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var silo = SiloAddress.FromParsableString(reader.GetString(0));
                gateways.Add(SiloAddress.New(silo.Endpoint.Address, reader.GetInt32(1), silo.Generation).ToGatewayUri());
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No silo has started yet (they create the tables): no gateways, and the client keeps asking.
        }

        return gateways;
    }
}

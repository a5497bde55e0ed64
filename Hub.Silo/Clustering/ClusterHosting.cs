using System.Net;
using Hub.Silo.Clustering.Postgres;
using Hub.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Hub.Silo.Clustering;

/// <summary>How silos and Orleans clients find each other: localhost (one machine) or PostgreSQL membership, and TLS when configured.</summary>
public static class ClusterHosting
{
    /// <summary>The journal's connection string, which membership and reminders share unless <c>Hub:Orleans:ConnectionString</c> says otherwise.</summary>
    public const string JournalConnectionStringKey = "Hub:Journal:Postgres:ConnectionString";

    public static HubOrleansOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(HubOrleansOptions.Section).Get<HubOrleansOptions>() ?? new HubOrleansOptions();
    }

    /// <summary>True when membership and reminders are in PostgreSQL (or the journal is, for reminders).</summary>
    public static bool UsesPostgres(IConfiguration configuration) =>
        ReadOptions(configuration).Clustering == HubClustering.Postgres
        || string.Equals(configuration.GetValue<string>("Hub:Journal:Provider"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers the one <see cref="ClusterDatabase"/> of this process (idempotent).</summary>
    public static IServiceCollection AddClusterDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connectionString = ReadOptions(configuration).ConnectionString ?? configuration.GetValue<string>(JournalConnectionStringKey);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"PostgreSQL clustering needs a connection string: set Hub:Orleans:ConnectionString or {JournalConnectionStringKey}.");
        }

        services.TryAddSingleton(_ => new ClusterDatabase(connectionString));
        return services;
    }

    /// <summary>Membership, endpoints and TLS of a silo.</summary>
    public static ISiloBuilder AddHubClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = ReadOptions(configuration);
        if (options.Clustering == HubClustering.Localhost)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }
        else
        {
            silo.Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = (options.ClusterId, options.ServiceId));
            if (options.AdvertisedAddress is { Length: > 0 } address)
            {
                silo.ConfigureEndpoints(IPAddress.Parse(address), options.SiloPort, options.GatewayPort);
            }
            else
            {
                silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
            }

            silo.Services.AddClusterDatabase(configuration);
            silo.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        }

        // Failure detection and call timeouts, for operators who tune how fast a dead silo is declared dead.
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection($"{HubOrleansOptions.Section}:Membership"));
        silo.Services.AddOptions<SiloMessagingOptions>().Bind(configuration.GetSection($"{HubOrleansOptions.Section}:Messaging"));

        if (options.Tls.Enabled)
        {
            var certificate = ClusterTls.LoadCertificate(options.Tls);
            silo.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate, options.Tls));
        }

        return silo;
    }

    /// <summary>Gateway discovery and TLS of an Orleans client (a gateway in client mode).</summary>
    public static IClientBuilder AddHubClustering(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = ReadOptions(configuration);
        if (options.Clustering == HubClustering.Localhost)
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }
        else
        {
            client.Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = (options.ClusterId, options.ServiceId));
            client.Services.AddClusterDatabase(configuration);
            client.Services.AddSingleton<IGatewayListProvider, PostgresGatewayListProvider>();
        }

        client.Services.AddOptions<ClientMessagingOptions>().Bind(configuration.GetSection($"{HubOrleansOptions.Section}:Messaging"));
        client.Services.AddOptions<GatewayOptions>().Bind(configuration.GetSection($"{HubOrleansOptions.Section}:GatewayList"));

        if (options.Tls.Enabled)
        {
            var certificate = ClusterTls.LoadCertificate(options.Tls);
            client.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate, options.Tls));
        }

        return client;
    }
}

namespace Hub.Silo.Hosting;

/// <summary>Configuration section <c>Hub:Orleans</c>: how silos and clients find each other.</summary>
public sealed class HubOrleansOptions
{
    public const string Section = "Hub:Orleans";

    /// <summary><c>Embedded</c>: the gateway hosts the silo. <c>Client</c>: the gateway connects to separate silos.</summary>
    public HubOrleansMode Mode { get; set; } = HubOrleansMode.Embedded;

    /// <summary><c>Localhost</c>: one silo on this machine (development). <c>Postgres</c>: membership and reminders in PostgreSQL.</summary>
    public HubClustering Clustering { get; set; } = HubClustering.Localhost;

    /// <summary>
    /// PostgreSQL connection string for membership and reminders; defaults to <c>Hub:Journal:Postgres:ConnectionString</c>,
    /// so the cluster state sits in the journal's database.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The address this silo advertises to the others (cluster mode); defaults to the host's first address.</summary>
    public string? AdvertisedAddress { get; set; }

    public string ClusterId { get; set; } = "hub-dev";

    public string ServiceId { get; set; } = "hub";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (gateways in client mode) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>TLS for silo-to-silo and client-to-silo connections; off unless a certificate is configured.</summary>
    public HubTlsOptions Tls { get; set; } = new();
}

public enum HubOrleansMode
{
    Embedded = 0,
    Client = 1,
}

public enum HubClustering
{
    Localhost = 0,
    Postgres = 1,
}

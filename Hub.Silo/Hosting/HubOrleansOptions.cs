namespace Hub.Silo.Hosting;

/// <summary>Configuration section <c>Hub:Orleans</c>: how silos and clients find each other.</summary>
public sealed class HubOrleansOptions
{
    public const string Section = "Hub:Orleans";

    /// <summary><c>Embedded</c>: the gateway hosts the silo. <c>Client</c>: the gateway connects to separate silos.</summary>
    public HubOrleansMode Mode { get; set; } = HubOrleansMode.Embedded;

    public string ClusterId { get; set; } = "hub-dev";

    public string ServiceId { get; set; } = "hub";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (gateways in client mode) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
}

public enum HubOrleansMode
{
    Embedded = 0,
    Client = 1,
}

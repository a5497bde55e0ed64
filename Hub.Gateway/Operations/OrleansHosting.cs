using Hub.Silo.Clustering;
using Hub.Silo.Hosting;

namespace Hub.Gateway.Operations;

/// <summary>Embedded mode co-hosts the silo in the gateway process; client mode joins separate silos.</summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddHubOrleans(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ClusterHosting.ReadOptions(builder.Configuration);
        if (options.Mode == HubOrleansMode.Embedded)
        {
            builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration, builder.Environment.IsDevelopment()));
        }
        else
        {
            builder.UseOrleansClient(client => client.AddHubClustering(builder.Configuration));
        }

        return builder;
    }
}

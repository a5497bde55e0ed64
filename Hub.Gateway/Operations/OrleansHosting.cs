using Hub.Silo.Attachments;
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

            // The gateway writes attachment bytes itself, into the folder the silos expire them from: in a cluster,
            // Hub:Attachments:Path must be storage every gateway and silo shares.
            builder.Services.AddHubAttachments(builder.Configuration);
        }

        return builder;
    }
}

using Hub.Silo.Attachments;
using Hub.Silo.Hosting;

namespace Hub.Gateway.Operations;

/// <summary>Embedded mode co-hosts the silo in the gateway process; client mode joins separate silos.</summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddHubOrleans(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(HubOrleansOptions.Section).Get<HubOrleansOptions>() ?? new HubOrleansOptions();
        if (options.Mode == HubOrleansMode.Embedded)
        {
            builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration, builder.Environment.IsDevelopment()));
        }
        else
        {
            builder.UseOrleansClient(client => client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId));

            // The gateway writes attachment bytes itself, into the same folder the silo expires them from (same machine).
            builder.Services.AddHubAttachments(builder.Configuration);
        }

        return builder;
    }
}

using Hub.Silo.Clustering;
using Hub.Silo.Hosting;
using Hub.Silo.Journal.Integrity;
using Hub.Silo.Journal.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Silo.Audit;

/// <summary>Registers the hub's log keys, the checkpoint service and the periodic signer.</summary>
public static class AuditHosting
{
    /// <summary>Reads <c>Hub:Audit</c>, <c>Hub:Orleans:ClusterId</c> and the journal path (the key file defaults to its folder).</summary>
    public static IServiceCollection AddHubAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new AuditOptions();
        configuration.GetSection(AuditOptions.Section).Bind(options);
        var journalPath = configuration.GetSection("Hub:Journal:Sqlite").Get<SqliteJournalOptions>()?.Path ?? new SqliteJournalOptions().Path;
        if (options.KeyPath is null && ClusterHosting.ReadOptions(configuration).Clustering == HubClustering.Postgres)
        {
            // A default path is per machine and per working directory: two silos would each make their own key
            // and refuse each other's checkpoints as forged. A cluster names its one key file explicitly.
            throw new InvalidOperationException("A cluster needs Hub:Audit:KeyPath: the log key file every silo signs with.");
        }

        var keyPath = options.KeyPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(journalPath))!, "hub-log.key");
        var keyName = $"{options.OriginPrefix}/{configuration.GetValue("Hub:Orleans:ClusterId", "hub-dev")}";

        services.AddSingleton(options);
        services.AddSingleton(_ => new HubLogKeys(LogKeyFile.LoadOrCreate(keyPath, keyName), keyName, options.PreviousKeys, options.Witnesses));
        services.AddSingleton<ICheckpointAuthenticator>(sp => sp.GetRequiredService<HubLogKeys>());
        services.AddSingleton<ICheckpointService, CheckpointService>();
        services.AddSingleton<PeriodicCheckpointSigner>();
        services.AddHostedService(sp => sp.GetRequiredService<PeriodicCheckpointSigner>());
        return services;
    }
}

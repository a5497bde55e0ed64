using System.Diagnostics.Metrics;
using Hub.Silo.Attachments;
using Hub.Silo.Audit;
using Hub.Silo.Clustering;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Journal.Sqlite;
using Hub.Silo.Reminders;
using Hub.Silo.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Hosting;

/// <summary>Everything a Hub silo needs, for the standalone host and for a gateway that co-hosts it.</summary>
public static class SiloHosting
{
    /// <param name="silo">The silo being configured.</param>
    /// <param name="configuration">Reads <c>Hub:Orleans</c> (clustering, endpoints, TLS), <c>Hub:Journal</c> and <c>Hub:SeedDemoNetwork</c>.</param>
    /// <param name="isDevelopment">Demo seeding defaults to on only in Development.</param>
    public static ISiloBuilder AddHubSilo(this ISiloBuilder silo, IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.AddHubClustering(configuration);

        silo.Services.AddHubGrainServices(configuration, seedDemoNetwork: configuration.GetValue("Hub:SeedDemoNetwork", isDevelopment));
        return silo;
    }

    /// <summary>The services Hub's grains depend on: clock, journal, log keys and checkpoints, and (optionally) the demo network seeder.</summary>
    public static IServiceCollection AddHubGrainServices(this IServiceCollection services, IConfiguration configuration, bool seedDemoNetwork)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHubJournal(configuration);
        services.AddHubReminders(configuration);
        services.AddHubAudit(configuration);
        services.AddHubAttachments(configuration);
        services.AddSingleton(new DemoSeedStatus(seedDemoNetwork));
        if (seedDemoNetwork)
        {
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DemoNetworkSeeder>();
        }

        return services;
    }

    /// <summary>
    /// Registers the journal store chosen by <c>Hub:Journal:Provider</c>: <c>Sqlite</c> (embedded, <c>Hub:Journal:Sqlite</c>)
    /// or <c>Postgres</c> (cluster, <c>Hub:Journal:Postgres</c>; its schema is created or migrated when the store opens).
    /// </summary>
    public static IServiceCollection AddHubJournal(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetValue("Hub:Journal:Provider", "Sqlite");
        services.AddSingleton(sp => new JournalTamperAlarm(sp.GetService<IMeterFactory>(), sp.GetRequiredService<ILogger<JournalTamperAlarm>>()));
        if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var options = configuration.GetSection("Hub:Journal:Sqlite").Get<SqliteJournalOptions>() ?? new SqliteJournalOptions();
            services.AddSingleton(sp => new SqliteJournalStore(
                options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteJournalStore>>(), sp.GetRequiredService<JournalTamperAlarm>(),
                sp.GetService<ICheckpointAuthenticator>()));
            services.AddSingleton<IJournalStore>(sp => sp.GetRequiredService<SqliteJournalStore>());
        }
        else if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var options = configuration.GetSection("Hub:Journal:Postgres").Get<PostgresJournalOptions>() ?? new PostgresJournalOptions();
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Hub:Journal:Provider is Postgres but Hub:Journal:Postgres:ConnectionString is not set.");
            }

            services.AddSingleton(sp => new PostgresJournalStore(
                options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresJournalStore>>(), sp.GetRequiredService<JournalTamperAlarm>(),
                sp.GetService<ICheckpointAuthenticator>()));
            services.AddSingleton<IJournalStore>(sp => sp.GetRequiredService<PostgresJournalStore>());
        }
        else
        {
            throw new InvalidOperationException($"Unknown journal provider '{provider}'. Supported: Sqlite, Postgres.");
        }

        // Envelopes share the journal's writer and its group commits.
        return services;
    }
}

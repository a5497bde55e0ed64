using Hub.Silo.Clustering;
using Hub.Silo.Journal.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Hub.Silo.Reminders;

/// <summary>Registers Orleans reminders beside the journal: in its SQLite file, or in PostgreSQL for a cluster.</summary>
public static class ReminderHosting
{
    /// <summary>
    /// Adds the reminder service with <see cref="SqliteReminderTable"/> as its table, in the file named by
    /// <c>Hub:Journal:Sqlite:Path</c>, so reminders outlive the process like the journal does; with PostgreSQL
    /// clustering (or a PostgreSQL journal) the table is <see cref="PostgresReminderTable"/> instead.
    /// </summary>
    /// <param name="services">A silo's services (<c>ISiloBuilder.Services</c>).</param>
    /// <param name="configuration">Reads <c>Hub:Orleans</c> and <c>Hub:Journal</c>.</param>
    public static IServiceCollection AddHubReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var journal = configuration.GetSection("Hub:Journal:Sqlite").Get<SqliteJournalOptions>() ?? new SqliteJournalOptions();
        services.AddReminders();

        // Registered after AddReminders so it wins over any table registered before (e.g. the in-memory one).
        // A cluster keeps its reminders in PostgreSQL, where every silo's reminder service sees them.
        if (ClusterHosting.UsesPostgres(configuration))
        {
            services.AddClusterDatabase(configuration);
            services.AddSingleton<IReminderTable, PostgresReminderTable>();
            return services;
        }

        services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(
            journal,
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<SqliteReminderTable>>()));
        return services;
    }
}

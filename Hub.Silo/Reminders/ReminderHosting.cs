using Hub.Silo.Journal.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Hub.Silo.Reminders;

/// <summary>Registers Orleans reminders backed by the journal's SQLite file.</summary>
public static class ReminderHosting
{
    /// <summary>
    /// Adds the reminder service with <see cref="SqliteReminderTable"/> as its table, in the file named by
    /// <c>Hub:Journal:Sqlite:Path</c>, so reminders outlive the process like the journal does.
    /// </summary>
    /// <param name="services">A silo's services (<c>ISiloBuilder.Services</c>).</param>
    /// <param name="configuration">Reads <c>Hub:Journal:Sqlite</c>.</param>
    public static IServiceCollection AddHubReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var journal = configuration.GetSection("Hub:Journal:Sqlite").Get<SqliteJournalOptions>() ?? new SqliteJournalOptions();
        services.AddReminders();

        // Registered after AddReminders so it wins over any table registered before (e.g. the in-memory one).
        services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(
            journal,
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<SqliteReminderTable>>()));
        return services;
    }
}

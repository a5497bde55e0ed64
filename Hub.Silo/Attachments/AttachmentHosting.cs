using Hub.Silo.Journal.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Silo.Attachments;

/// <summary>Registers <see cref="AttachmentOptions"/> and the attachment folder (by default <c>attachments</c> beside the journal file).</summary>
public static class AttachmentHosting
{
    public static IServiceCollection AddHubAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new AttachmentOptions();
        configuration.GetSection(AttachmentOptions.Section).Bind(options);
        var journalPath = configuration.GetSection("Hub:Journal:Sqlite").Get<SqliteJournalOptions>()?.Path ?? new SqliteJournalOptions().Path;
        var root = options.Path ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(journalPath))!, "attachments");
        services.AddSingleton(options);
        services.AddSingleton(_ => new AttachmentFiles(root));
        return services;
    }
}

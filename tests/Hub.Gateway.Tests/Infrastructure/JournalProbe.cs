using Microsoft.Data.Sqlite;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>Reads the journal file directly, to prove that refused requests wrote nothing.</summary>
public static class JournalProbe
{
    public static async Task<long> CountEntriesAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal_entries";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

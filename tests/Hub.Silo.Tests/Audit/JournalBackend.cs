using System.Data.Common;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Journal.Sqlite;
using Hub.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hub.Silo.Tests.Audit;

/// <summary>
/// Where an <see cref="AuditTestBed"/>'s journal lives, and plain SQL access to it behind the hub's back. Both
/// stores use the same table names and columns, so tampering SQL written with <c>@name</c> parameters runs on either.
/// </summary>
public abstract class JournalBackend : IAsyncDisposable
{
    /// <summary>Opens the store over this storage.</summary>
    public abstract IJournalStore Open(JournalTamperAlarm alarm, ICheckpointAuthenticator authenticator);

    /// <summary>A new, closed connection to the storage, outside the store.</summary>
    public abstract DbConnection Connect();

    /// <summary>The columns of an entry row, tree nodes included where the store keeps them in the row.</summary>
    public abstract string EntryColumns { get; }

    /// <summary>Another, empty storage of the same kind.</summary>
    public abstract Task<JournalBackend> CreateSiblingAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>A journal file in a temporary folder.</summary>
public sealed class SqliteJournalBackend(string? path = null) : JournalBackend
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-audit-").FullName;

    public string Path => path ?? System.IO.Path.Combine(_directory, "journal.db");

    public override IJournalStore Open(JournalTamperAlarm alarm, ICheckpointAuthenticator authenticator) =>
        new SqliteJournalStore(new SqliteJournalOptions { Path = Path }, alarm: alarm, authenticator: authenticator);

    public override DbConnection Connect() => new SqliteConnection($"Data Source={Path};Pooling=False");

    public override string EntryColumns => "stream_id, version, entry_type, payload, recorded_at, leaf_hash, nodes";

    public override Task<JournalBackend> CreateSiblingAsync() => Task.FromResult<JournalBackend>(new SqliteJournalBackend());

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A throwaway PostgreSQL database.</summary>
public sealed class PostgresJournalBackend(PostgresTestDatabase database) : JournalBackend
{
    public static async Task<JournalBackend> CreateAsync() => new PostgresJournalBackend(await PostgresTestDatabase.CreateAsync());

    public override IJournalStore Open(JournalTamperAlarm alarm, ICheckpointAuthenticator authenticator) =>
        new PostgresJournalStore(new PostgresJournalOptions { ConnectionString = database.ConnectionString }, alarm: alarm, authenticator: authenticator);

    public override DbConnection Connect() =>
        new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);

    public override string EntryColumns => "stream_id, version, entry_type, payload, recorded_at, leaf_hash";

    public override Task<JournalBackend> CreateSiblingAsync() => CreateAsync();

    public override ValueTask DisposeAsync() => database.DisposeAsync();
}

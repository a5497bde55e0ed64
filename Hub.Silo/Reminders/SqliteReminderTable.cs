using System.Globalization;
using Hub.Silo.Journal.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Hub.Silo.Reminders;

/// <summary>
/// Orleans' reminder table on the embedded journal's SQLite file: durable timers for an embedded silo.
/// </summary>
/// <remarks>
/// Rows live in a <c>reminders</c> table in the same file as the journal, keyed by service id, grain id and
/// reminder name, so the reminders and the case state they act on are backed up, moved and lost together.
/// Each call opens its own pooled connection with the journal's durability settings (WAL, synchronous=FULL),
/// so an acknowledged upsert or remove is on disk. Every write sets a fresh random ETag: a remove that
/// carries an ETag the row no longer has (the reminder was re-registered meanwhile) deletes nothing.
/// Upserts are unconditional, as in Orleans' own tables: the reminder service that owns the grain's
/// part of the ring is the one writer for it.
/// </remarks>
public sealed partial class SqliteReminderTable : IReminderTable
{
    private readonly string _connectionString;
    private readonly string _path;
    private readonly string _serviceId;
    private readonly ILogger _logger;

    public SqliteReminderTable(SqliteJournalOptions journal, IOptions<ClusterOptions> cluster, ILogger<SqliteReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrEmpty(cluster.Value.ServiceId);
        _path = Path.GetFullPath(journal.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _serviceId = cluster.Value.ServiceId;
        _logger = logger;
    }

    /// <summary>Creates the table when missing; the journal may or may not have created the file yet.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, SqliteJournalSchema.Pragmas, cancellationToken);
        await ExecuteAsync(connection, SqliteReminderSchema.Create, cancellationToken);
        LogReady(_path, _serviceId);
    }

    public Task Init() => StartAsync(CancellationToken.None);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, SqliteReminderSchema.ReadByGrain);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return new ReminderTableData(await ReadEntriesAsync(command, cancellationToken));
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, begin < end ? SqliteReminderSchema.ReadRange : SqliteReminderSchema.ReadWrappedRange);
        command.Parameters.AddWithValue("$begin", (long)begin);
        command.Parameters.AddWithValue("$end", (long)end);
        return new ReminderTableData(await ReadEntriesAsync(command, cancellationToken));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, SqliteReminderSchema.ReadOne);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        var etag = Guid.NewGuid().ToString("N");
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, SqliteReminderSchema.Upsert);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$start", ToUtc(entry.StartAt).Ticks);
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$etag", etag);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return etag;
        }
        catch (SqliteException exception) when (LogWriteFailed(exception, entry.GrainId, entry.ReminderName))
        {
            throw;   // not reached: the filter only logs
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, SqliteReminderSchema.Remove);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$etag", eTag);
            var removed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (!removed)
            {
                LogNotRemoved(grainId, reminderName);
            }

            return removed;
        }
        catch (SqliteException exception) when (LogWriteFailed(exception, grainId, reminderName))
        {
            throw;   // not reached: the filter only logs
        }
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Removes this service's reminders; other services sharing the file keep theirs.</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, SqliteReminderSchema.Clear);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, SqliteReminderSchema.ConnectionPragmas, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        return command;
    }

    private static async Task<List<ReminderEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Orleans computes start times from DateTime.UtcNow, but a Local time would otherwise be stored shifted.
    private static DateTime ToUtc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;

    private bool LogWriteFailed(SqliteException exception, GrainId grainId, string reminderName)
    {
        LogWriteFailure(exception, grainId, reminderName, _serviceId);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder table ready in {Path} for service {ServiceId}")]
    private partial void LogReady(string path, string serviceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder {ReminderName} of {GrainId} not removed: missing, or its ETag changed")]
    private partial void LogNotRemoved(GrainId grainId, string reminderName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing reminder {ReminderName} of {GrainId} for service {ServiceId} failed")]
    private partial void LogWriteFailure(Exception exception, GrainId grainId, string reminderName, string serviceId);
}

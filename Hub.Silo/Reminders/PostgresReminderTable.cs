using System.Globalization;
using Hub.Silo.Clustering.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Hub.Silo.Reminders;

/// <summary>
/// Orleans' reminder table on PostgreSQL: durable timers shared by every silo of a cluster, in the journal's
/// database (<c>hub_reminders</c>).
/// </summary>
/// <remarks>
/// The same contract and layout as <see cref="SqliteReminderTable"/>: rows keyed by service id, grain id and
/// reminder name; times in UTC .NET ticks; a fresh random ETag on every write, so a remove with an ETag the row
/// no longer has deletes nothing. Each statement commits on its own (PostgreSQL's commit is durable with the
/// default <c>synchronous_commit</c>), so an acknowledged upsert or remove survives a crash of either side.
/// </remarks>
public sealed partial class PostgresReminderTable(ClusterDatabase database, IOptions<ClusterOptions> cluster, ILogger<PostgresReminderTable> logger)
    : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period, etag";

    private readonly string _serviceId = cluster.Value.ServiceId;

    public async Task Init()
    {
        await database.EnsureSchemaAsync(CancellationToken.None);
        LogReady(_serviceId);
    }

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var command = Command($"SELECT {Columns} FROM hub_reminders WHERE service_id = @service AND grain_id = @grain");
        command.Parameters.AddWithValue("grain", grainId.ToString());
        return new ReminderTableData(await ReadEntriesAsync(command));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // The ring range is (begin, end]; when begin >= end it wraps past uint.MaxValue back to zero.
        var filter = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)";
        await using var command = Command($"SELECT {Columns} FROM hub_reminders WHERE service_id = @service AND {filter}");
        command.Parameters.AddWithValue("begin", (long)begin);
        command.Parameters.AddWithValue("end", (long)end);
        return new ReminderTableData(await ReadEntriesAsync(command));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        await using var command = Command($"SELECT {Columns} FROM hub_reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name");
        command.Parameters.AddWithValue("grain", grainId.ToString());
        command.Parameters.AddWithValue("name", reminderName);
        var entries = await ReadEntriesAsync(command);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        var etag = Guid.NewGuid().ToString("N");
        try
        {
            await using var command = Command("""
                INSERT INTO hub_reminders (service_id, grain_id, reminder_name, start_at, period, grain_hash, etag)
                VALUES (@service, @grain, @name, @start, @period, @hash, @etag)
                ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                    start_at = excluded.start_at, period = excluded.period, grain_hash = excluded.grain_hash, etag = excluded.etag
                """);
            command.Parameters.AddWithValue("grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("name", entry.ReminderName);
            command.Parameters.AddWithValue("start", (entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : entry.StartAt).Ticks);
            command.Parameters.AddWithValue("period", entry.Period.Ticks);
            command.Parameters.AddWithValue("hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("etag", etag);
            await command.ExecuteNonQueryAsync();
            return etag;
        }
        catch (NpgsqlException exception) when (LogWriteFailed(exception, entry.GrainId, entry.ReminderName))
        {
            throw;   // not reached: the filter only logs
        }
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        try
        {
            await using var command = Command(
                "DELETE FROM hub_reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND etag = @etag");
            command.Parameters.AddWithValue("grain", grainId.ToString());
            command.Parameters.AddWithValue("name", reminderName);
            command.Parameters.AddWithValue("etag", eTag);
            var removed = await command.ExecuteNonQueryAsync() == 1;
            if (!removed)
            {
                LogNotRemoved(grainId, reminderName);
            }

            return removed;
        }
        catch (NpgsqlException exception) when (LogWriteFailed(exception, grainId, reminderName))
        {
            throw;   // not reached: the filter only logs
        }
    }

    /// <summary>Removes this service's reminders; other services sharing the database keep theirs.</summary>
    public async Task TestOnlyClearTable()
    {
        await using var command = Command("DELETE FROM hub_reminders WHERE service_id = @service");
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = database.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("service", _serviceId);
        return command;
    }

    private static async Task<List<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
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

    private bool LogWriteFailed(NpgsqlException exception, GrainId grainId, string reminderName)
    {
        LogWriteFailure(exception, grainId, reminderName, _serviceId);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder table ready on PostgreSQL for service {ServiceId}")]
    private partial void LogReady(string serviceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder {ReminderName} of {GrainId} not removed: missing, or its ETag changed")]
    private partial void LogNotRemoved(GrainId grainId, string reminderName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing reminder {ReminderName} of {GrainId} for service {ServiceId} failed")]
    private partial void LogWriteFailure(Exception exception, GrainId grainId, string reminderName, string serviceId);
}

namespace Hub.Silo.Reminders;

/// <summary>The reminder table's schema, kept in the journal's SQLite file beside <c>journal_entries</c>.</summary>
internal static class SqliteReminderSchema
{
    // synchronous and busy_timeout are per connection, so every connection the table opens sets them
    // again; journal_mode=WAL is a property of the file and is set once, with the schema.
    public const string ConnectionPragmas = """
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 10000;
        """;

    // Times are .NET ticks so a reminder reads back exactly as it was written. The hash is the grain's
    // uniform hash (a uint, which fits an INTEGER); the index serves the ring-range reads that every
    // silo's reminder service makes for the part of the ring it owns.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS reminders (
            service_id    TEXT    NOT NULL,
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            start_at      INTEGER NOT NULL, -- UTC, .NET ticks
            period        INTEGER NOT NULL, -- .NET ticks
            grain_hash    INTEGER NOT NULL, -- GrainId.GetUniformHashCode()
            etag          TEXT    NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
        """;

    private const string Columns = "grain_id, reminder_name, start_at, period, etag";

    public const string ReadByGrain = $"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain";

    public const string ReadOne = $"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name";

    // The ring range is (begin, end]; when begin >= end it wraps past uint.MaxValue back to zero.
    public const string ReadRange = $"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end";

    public const string ReadWrappedRange = $"SELECT {Columns} FROM reminders WHERE service_id = $service AND (grain_hash > $begin OR grain_hash <= $end)";

    public const string Upsert = """
        INSERT INTO reminders (service_id, grain_id, reminder_name, start_at, period, grain_hash, etag)
        VALUES ($service, $grain, $name, $start, $period, $hash, $etag)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
            start_at = excluded.start_at, period = excluded.period, grain_hash = excluded.grain_hash, etag = excluded.etag
        """;

    public const string Remove = "DELETE FROM reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND etag = $etag";

    public const string Clear = "DELETE FROM reminders WHERE service_id = $service";
}

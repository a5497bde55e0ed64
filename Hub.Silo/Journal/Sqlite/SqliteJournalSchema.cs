namespace Hub.Silo.Journal.Sqlite;

/// <summary>The embedded journal's schema: one table, keyed by stream and version.</summary>
internal static class SqliteJournalSchema
{
    // WAL lets readers run beside the single writer; synchronous=FULL syncs the WAL on every
    // commit, which is what makes an acknowledged append survive a power cut, not just a crash.
    public const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 10000;
        """;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS journal_entries (
            stream_id   TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            entry_type  TEXT    NOT NULL,
            payload     BLOB    NOT NULL,
            recorded_at INTEGER NOT NULL, -- Unix time, milliseconds
            PRIMARY KEY (stream_id, version)
        ) WITHOUT ROWID;
        """;

    public const string Head = "SELECT COALESCE(MAX(version), 0) FROM journal_entries WHERE stream_id = $stream";

    public const string Insert = """
        INSERT INTO journal_entries (stream_id, version, entry_type, payload, recorded_at)
        VALUES ($stream, $version, $type, $payload, $at)
        """;

    public const string Read = """
        SELECT version, entry_type, payload, recorded_at FROM journal_entries
        WHERE stream_id = $stream AND version > $after ORDER BY version
        """;
}

namespace Hub.Silo.Journal.Postgres;

/// <summary>
/// The PostgreSQL journal's schema (the same tables and meaning as the SQLite journal's) and its statements.
/// Statements use positional parameters ($1, $2, …) so they also run inside an <c>NpgsqlBatch</c>.
/// </summary>
internal static class PostgresJournalSchema
{
    /// <summary>The component name in <c>hub_schema_versions</c>.</summary>
    public const string Component = "journal";

    // Append-only list: a deployed step never changes; a schema change is a new step.
    // stream_id sorts in byte order (COLLATE "C"), so stream listings page the same on every server locale.
    // leaf_hash = SHA-256(0x00 || LogEntryEncoding(stream, version - 1, type, recorded_at, payload)); journal_nodes
    // holds every complete, aligned subtree of 2^level leaves (level >= 1), written in the transaction that completes it.
    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE journal_entries (
            stream_id   text COLLATE "C" NOT NULL,
            version     bigint NOT NULL,
            entry_type  text   NOT NULL,
            payload     bytea  NOT NULL,
            recorded_at bigint NOT NULL, -- Unix time, milliseconds
            leaf_hash   bytea  NOT NULL,
            PRIMARY KEY (stream_id, version)
        );
        CREATE TABLE journal_nodes (
            stream_id text COLLATE "C" NOT NULL,
            level     integer NOT NULL,
            idx       bigint  NOT NULL,
            hash      bytea   NOT NULL,
            PRIMARY KEY (stream_id, level, idx)
        );
        CREATE TABLE journal_checkpoints (
            stream_id   text COLLATE "C" NOT NULL,
            tree_size   bigint NOT NULL,
            root_hash   bytea  NOT NULL,
            signed_note text   NOT NULL,
            recorded_at bigint NOT NULL,
            PRIMARY KEY (stream_id, tree_size)
        );
        CREATE TABLE journal_heads (
            stream_id       text COLLATE "C" PRIMARY KEY,
            version         bigint NOT NULL,
            checkpoint_size bigint NOT NULL DEFAULT 0
        );
        CREATE TABLE envelopes (
            digest text PRIMARY KEY, -- SHA-256 of bytes, lower-case hex
            bytes  bytea NOT NULL
        );
        """,
    ];

    /// <summary>The name of the entries' primary key: a violation is a concurrent append at the same version.</summary>
    public const string EntriesKey = "journal_entries_pkey";

    // The stream's version is its highest stored entry (a backward index scan), not journal_heads, which only
    // serves the periodic signer: a deleted tail then shows as a shorter stream, which the checkpoint catches.
    public const string Head = "SELECT COALESCE((SELECT version FROM journal_entries WHERE stream_id = $1 ORDER BY version DESC LIMIT 1), 0)";

    public const string Heads = """
        SELECT s.id, COALESCE((SELECT e.version FROM journal_entries e WHERE e.stream_id = s.id ORDER BY e.version DESC LIMIT 1), 0)
        FROM unnest($1::text[]) AS s(id)
        """;

    // Durability: the commit returns only once the WAL is flushed, whatever the server's default.
    public const string SynchronousCommit = "SET LOCAL synchronous_commit TO on";

    public const string Savepoint = "SAVEPOINT hub_append";

    public const string ReleaseSavepoint = "RELEASE SAVEPOINT hub_append";

    public const string RollbackSavepoint = "ROLLBACK TO SAVEPOINT hub_append; RELEASE SAVEPOINT hub_append";

    public const string PutEnvelopes = """
        INSERT INTO envelopes (digest, bytes) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (digest) DO NOTHING
        """;

    public const string InsertEntries = """
        INSERT INTO journal_entries (stream_id, version, entry_type, payload, recorded_at, leaf_hash)
        SELECT $1, v, t, p, $2, l FROM unnest($3::bigint[], $4::text[], $5::bytea[], $6::bytea[]) AS u(v, t, p, l)
        """;

    public const string InsertNodes = """
        INSERT INTO journal_nodes (stream_id, level, idx, hash)
        SELECT $1, lv, ix, h FROM unnest($2::integer[], $3::bigint[], $4::bytea[]) AS u(lv, ix, h)
        """;

    public const string UpsertHead = """
        INSERT INTO journal_heads (stream_id, version) VALUES ($1, $2)
        ON CONFLICT (stream_id) DO UPDATE SET version = GREATEST(journal_heads.version, excluded.version)
        """;

    public const string Read = """
        SELECT version, entry_type, payload, recorded_at, leaf_hash FROM journal_entries
        WHERE stream_id = $1 AND version > $2 ORDER BY version
        """;

    public const string Leaf = "SELECT leaf_hash FROM journal_entries WHERE stream_id = $1 AND version = $2";

    public const string Node = "SELECT hash FROM journal_nodes WHERE stream_id = $1 AND level = $2 AND idx = $3";

    /// <summary>Many nodes at once (level 0 from the entries): the frontiers a restore or a verification needs.</summary>
    public const string Nodes = """
        SELECT n.level, n.idx, n.hash FROM journal_nodes n
        JOIN unnest($2::integer[], $3::bigint[]) AS w(lv, ix) ON n.level = w.lv AND n.idx = w.ix
        WHERE n.stream_id = $1
        UNION ALL
        SELECT 0, e.version - 1, e.leaf_hash FROM journal_entries e WHERE e.stream_id = $1 AND e.version = ANY($4::bigint[])
        """;

    public const string GetEnvelope = "SELECT bytes FROM envelopes WHERE digest = $1";

    public const string Checkpoint = """
        SELECT tree_size, root_hash, signed_note, recorded_at FROM journal_checkpoints
        WHERE stream_id = $1 AND ($2::bigint IS NULL OR tree_size = $2) ORDER BY tree_size DESC LIMIT 1
        """;

    // Serialises checkpoint saves of one stream across silos (the periodic signer runs on each).
    public const string LockHead = "SELECT version FROM journal_heads WHERE stream_id = $1 FOR UPDATE";

    public const string SaveCheckpoint = """
        INSERT INTO journal_checkpoints (stream_id, tree_size, root_hash, signed_note, recorded_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (stream_id, tree_size) DO UPDATE SET signed_note = excluded.signed_note, recorded_at = excluded.recorded_at
        """;

    public const string MarkCheckpointed = "UPDATE journal_heads SET checkpoint_size = GREATEST(checkpoint_size, $2) WHERE stream_id = $1";

    public const string StreamsToCheckpoint = """
        SELECT stream_id FROM journal_heads
        WHERE version > checkpoint_size AND stream_id > $1 ORDER BY stream_id LIMIT $2
        """;
}

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// The embedded journal's schema: entries with their Merkle leaf hashes, the completed tree nodes,
/// signed checkpoints, and per-stream heads for the periodic signer.
/// </summary>
internal static class SqliteJournalSchema
{
    // WAL lets readers run beside the single writer; synchronous=FULL syncs the WAL on every
    // commit, which is what makes an acknowledged append survive a power cut, not just a crash.
    public const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 10000;
        """;

    // The writer's own settings. A 16 MiB page cache (default 2 MiB) keeps the B-tree pages that appends to
    // thousands of streams touch in memory instead of re-reading them from the OS on every batch; not more, because
    // SQLite walks the writer's whole cache hash table at every commit (8% of the process's CPU at 64 MiB, 2.6% at 16). Checkpointing
    // every 4,000 WAL pages (default 1,000) copies a page dirtied by many batches into the database once rather
    // than several times, and pays the database file's fsync a quarter as often.
    public const string WriterPragmas = """
        PRAGMA cache_size = -16384;
        PRAGMA wal_autocheckpoint = 4000;
        """;

    // leaf_hash = SHA-256(0x00 || LogEntryEncoding(stream, version - 1, type, recorded_at, payload)).
    // nodes holds the roots of the complete, aligned subtrees (level >= 1; level 0 is leaf_hash) that this entry
    // completes, levels 1, 2, … in order (see EntryNodes): entry v completes one node per trailing zero bit of v, about
    // one per entry, and NULL for odd versions. They sit in the row written anyway instead of in a table of their own:
    // a separate node row cost every append one more B-tree insert and one more randomly placed page in the commit,
    // which measured as a third of the grain layer's referral throughput. journal_nodes keeps the nodes of entries
    // written before that (their nodes column is NULL); readers fall back to it, and new files leave it empty.
    //
    // blobs holds the rowids in journal_blobs (8 bytes each, little-endian) of the blobs the entry's append carried, in
    // every entry of that append (see EntryBlobs); NULL when it carried none. journal_blobs has no index: a blob is found
    // through the entry that names it (BlobReference), so storing one costs a row at the end of the table, where the
    // envelopes table's primary key on random digests cost a randomly placed index page per blob in every commit.
    // envelopes keeps the blobs of appends written before that (their entries' blobs column is NULL); readers fall back
    // to it, and new files leave it empty.
    //
    // journal_entries, journal_blobs and envelopes are rowid tables: rows land in insertion order, so a batch of appends to
    // many streams fills a few new pages instead of dirtying one random page per stream, and rows of a few KiB
    // stay on their page (a WITHOUT ROWID row keeps at most about 1 KiB on a 4 KiB page and spills the rest to an
    // overflow page of its own). Files created before keep their WITHOUT ROWID tables; every statement works on both.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS journal_entries (
            stream_id   TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            entry_type  TEXT    NOT NULL,
            payload     BLOB    NOT NULL,
            recorded_at INTEGER NOT NULL, -- Unix time, milliseconds
            leaf_hash   BLOB    NOT NULL,
            nodes       BLOB,             -- 32-byte roots of the subtrees this entry completes, levels 1, 2, …
            blobs       BLOB,             -- rowids in journal_blobs of the blobs this entry's append carried
            PRIMARY KEY (stream_id, version)
        );
        CREATE TABLE IF NOT EXISTS journal_nodes (
            stream_id TEXT    NOT NULL,
            level     INTEGER NOT NULL,
            idx       INTEGER NOT NULL,
            hash      BLOB    NOT NULL,
            PRIMARY KEY (stream_id, level, idx)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS journal_checkpoints (
            stream_id   TEXT    NOT NULL,
            tree_size   INTEGER NOT NULL,
            root_hash   BLOB    NOT NULL,
            signed_note TEXT    NOT NULL,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (stream_id, tree_size)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS journal_heads (
            stream_id       TEXT    NOT NULL PRIMARY KEY,
            version         INTEGER NOT NULL,
            checkpoint_size INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS journal_blobs (
            digest BLOB NOT NULL, -- SHA-256 of bytes
            bytes  BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS envelopes (
            digest TEXT NOT NULL PRIMARY KEY, -- SHA-256 of bytes, lower-case hex
            bytes  BLOB NOT NULL
        );
        """;

    /// <summary>Columns that files written before lack, each with the statement that adds it (NULL in every earlier row).</summary>
    /// <remarks>Earlier entries keep their nodes in journal_nodes and their blobs in envelopes.</remarks>
    public static readonly (string Column, string Add)[] LaterEntryColumns =
    [
        ("nodes", "ALTER TABLE journal_entries ADD COLUMN nodes BLOB"),
        ("blobs", "ALTER TABLE journal_entries ADD COLUMN blobs BLOB"),
    ];

    /// <summary>
    /// 1 when the entries table has <paramref name="column"/> (a name of this schema, never input), else 0: <c>leaf_hash</c>
    /// is missing in a file written before the Merkle log existed, the later columns above in one written before them.
    /// </summary>
    public static string HasEntryColumn(string column) => $"SELECT COUNT(*) FROM pragma_table_info('journal_entries') WHERE name = '{column}'";

    public const string PutBlob = "INSERT INTO journal_blobs (digest, bytes) VALUES ($digest, $bytes)";

    public const string EntryBlobs = "SELECT blobs FROM journal_entries WHERE stream_id = $stream AND version = $version";

    public const string GetBlob = "SELECT bytes FROM journal_blobs WHERE rowid = $rowid AND digest = $digest";

    public const string GetLegacyEnvelope = "SELECT bytes FROM envelopes WHERE digest = $digest";

    public const string Head = "SELECT COALESCE(MAX(version), 0) FROM journal_entries WHERE stream_id = $stream";

    public const string Insert = """
        INSERT INTO journal_entries (stream_id, version, entry_type, payload, recorded_at, leaf_hash, nodes, blobs)
        VALUES ($stream, $version, $type, $payload, $at, $leaf, $nodes, $blobs)
        """;

    public const string UpsertHead = """
        INSERT INTO journal_heads (stream_id, version) VALUES ($stream, $version)
        ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version
        """;

    public const string Read = """
        SELECT version, entry_type, payload, recorded_at, leaf_hash FROM journal_entries
        WHERE stream_id = $stream AND version > $after ORDER BY version
        """;

    public const string Leaf = "SELECT leaf_hash FROM journal_entries WHERE stream_id = $stream AND version = $version";

    public const string EntryNodes = "SELECT nodes FROM journal_entries WHERE stream_id = $stream AND version = $version";

    public const string LegacyNode = "SELECT hash FROM journal_nodes WHERE stream_id = $stream AND level = $level AND idx = $idx";

    public const string Checkpoint = """
        SELECT tree_size, root_hash, signed_note, recorded_at FROM journal_checkpoints
        WHERE stream_id = $stream AND ($size IS NULL OR tree_size = $size) ORDER BY tree_size DESC LIMIT 1
        """;

    public const string SaveCheckpoint = """
        INSERT INTO journal_checkpoints (stream_id, tree_size, root_hash, signed_note, recorded_at)
        VALUES ($stream, $size, $root, $note, $at)
        ON CONFLICT (stream_id, tree_size) DO UPDATE SET signed_note = excluded.signed_note, recorded_at = excluded.recorded_at
        """;

    public const string MarkCheckpointed = "UPDATE journal_heads SET checkpoint_size = MAX(checkpoint_size, $size) WHERE stream_id = $stream";

    public const string StreamsToCheckpoint = """
        SELECT stream_id FROM journal_heads
        WHERE version > checkpoint_size AND stream_id > $after ORDER BY stream_id LIMIT $limit
        """;
}

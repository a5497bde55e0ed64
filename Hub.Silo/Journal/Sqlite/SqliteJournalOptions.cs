namespace Hub.Silo.Journal.Sqlite;

/// <summary>Where the embedded journal lives and how large a group commit may grow.</summary>
public sealed class SqliteJournalOptions
{
    /// <summary>Path of the SQLite database file; its folder is created when missing.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(".hub-data", "hub-journal.db");

    /// <summary>Most appends committed in one transaction (one fsync).</summary>
    public int MaxBatch { get; set; } = 512;

    /// <summary>Streams whose Merkle frontier (at most 2 KiB each) the writer keeps in memory.</summary>
    public int FrontierCacheSize { get; set; } = 10_000;
}

namespace Hub.Silo.Journal.Postgres;

/// <summary>Where the PostgreSQL journal lives and how large a group commit may grow (<c>Hub:Journal:Postgres</c>).</summary>
public sealed class PostgresJournalOptions
{
    /// <summary>Npgsql connection string of the database shared by every silo (pooling on, the Npgsql default).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Most appends committed in one transaction.</summary>
    public int MaxBatch { get; set; } = 512;

    /// <summary>Streams whose Merkle frontier (at most 2 KiB each) the writer keeps in memory.</summary>
    public int FrontierCacheSize { get; set; } = 10_000;
}

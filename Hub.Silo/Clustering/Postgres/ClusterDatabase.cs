using Npgsql;

namespace Hub.Silo.Clustering.Postgres;

/// <summary>
/// The PostgreSQL database that holds the cluster's membership and reminders (the journal's database): one
/// pooled data source per process, and the schema created once per process before first use.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private bool _schemaReady;

    public ClusterDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the cluster tables when missing (once per process; later calls return at once).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady))
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await PostgresClusterSchema.EnsureAsync(DataSource, cancellationToken);
                Volatile.Write(ref _schemaReady, true);
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        _schemaGate.Dispose();
    }
}

using Npgsql;

namespace Hub.Silo.Postgres;

/// <summary>
/// Creates or upgrades one component's tables (the journal, and later others) in a shared PostgreSQL database.
/// Each component's schema is an ordered list of steps; <c>hub_schema_versions</c> records how many ran. The
/// whole migration is one transaction under a transaction-scoped advisory lock, so silos starting together
/// run each step exactly once and none sees a half-made schema.
/// </summary>
public static class PostgresMigrator
{
    /// <summary>The advisory lock key every Hub migration takes (ASCII "HubSchma").</summary>
    public const long LockKey = 0x4875625363686D61;

    private const string VersionTable = """
        CREATE TABLE IF NOT EXISTS hub_schema_versions (
            component   text        PRIMARY KEY,
            version     integer     NOT NULL,
            migrated_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>Runs the steps of <paramref name="component"/> not yet applied; returns the version it is at.</summary>
    /// <exception cref="InvalidOperationException">The database is at a later version than these steps know: a newer hub migrated it.</exception>
    public static int Migrate(NpgsqlDataSource dataSource, string component, IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(steps);

        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock($1)", LockKey);
        Execute(connection, VersionTable);

        using var read = new NpgsqlCommand("SELECT version FROM hub_schema_versions WHERE component = $1", connection);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = component });
        var current = read.ExecuteScalar() is int stored ? stored : 0;
        if (current > steps.Count)
        {
            throw new InvalidOperationException(
                $"The database's {component} schema is at version {current}, newer than this hub knows ({steps.Count}). Run a hub of that version or newer.");
        }

        for (var step = current; step < steps.Count; step++)
        {
            Execute(connection, steps[step]);
        }

        using var record = new NpgsqlCommand(
            """
            INSERT INTO hub_schema_versions (component, version) VALUES ($1, $2)
            ON CONFLICT (component) DO UPDATE SET version = excluded.version, migrated_at = now()
            """,
            connection);
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = component });
        record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = steps.Count });
        record.ExecuteNonQuery();
        transaction.Commit();
        return steps.Count;
    }

    private static void Execute(NpgsqlConnection connection, string sql, long? key = null)
    {
        using var command = new NpgsqlCommand(sql, connection);
        if (key is { } value)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        }

        command.ExecuteNonQuery();
    }
}

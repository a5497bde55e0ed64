using Npgsql;

namespace Hub.Testing;

/// <summary>
/// A throwaway PostgreSQL database (<c>hub_test_&lt;random&gt;</c>) on the server named by the
/// <c>HUB_TEST_POSTGRES</c> connection string, dropped (WITH (FORCE)) on dispose. <c>scripts/test.sh</c> starts
/// PostgreSQL on loopback and sets the variable. Without it, creating a database fails with a message that says
/// so: a test that needs PostgreSQL must fail, not pass without having run.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the admin connection string (a role with CREATEDB that is a member
    /// of <c>pg_signal_backend</c>: dropping WITH (FORCE) also ends an autovacuum worker that may be in the database, and
    /// that session belongs to no role).</summary>
    public const string Variable = "HUB_TEST_POSTGRES";

    private bool _dropped;

    private PostgresTestDatabase(string name, string adminConnectionString, string connectionString)
    {
        Name = name;
        AdminConnectionString = adminConnectionString;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name (<c>hub_test_</c> and 32 hex digits).</summary>
    public string Name { get; }

    /// <summary>The connection string of this database.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The connection string from <c>HUB_TEST_POSTGRES</c> (its own database, normally <c>postgres</c>): for what a
    /// test does from outside the code under test, such as terminating its backends.
    /// </summary>
    public string AdminConnectionString { get; }

    /// <summary>The admin connection string, or an exception that says how to get one.</summary>
    public static string RequireAdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"This test needs PostgreSQL, but {Variable} is not set. Run the tests with `bash scripts/test.sh`, which " +
                $"starts PostgreSQL on loopback and sets {Variable}, or set it to a connection string of a role with CREATEDB " +
                "that is a member of pg_signal_backend.");
        }

        return value;
    }

    /// <summary>Creates a new empty database.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var admin = RequireAdminConnectionString();
        var name = $"hub_test_{Guid.NewGuid():N}";

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // The name is ours (hex digits only); identifiers cannot be parameters.
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var own = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(name, admin, own);
    }

    /// <summary>Drops the database, ending any session still connected to it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_dropped)
        {
            return;
        }

        _dropped = true;
        // Pooled connections of this database would outlive it as broken connections; close them first.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

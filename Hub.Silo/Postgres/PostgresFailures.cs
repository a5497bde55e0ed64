using Npgsql;

namespace Hub.Silo.Postgres;

/// <summary>Tells a lost connection (server restarted, backend terminated, network) from an error in one statement.</summary>
public static class PostgresFailures
{
    /// <summary>
    /// True when the session is gone: an I/O or timeout failure, or the server ending the connection (SQLSTATE class
    /// 08 connection exception, 57P admin shutdown / crash / cannot connect now). Other pooled connections are then
    /// probably dead too, and the caller should clear the pool.
    /// </summary>
    public static bool IsConnectionLost(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        TimeoutException => true,
        _ => false,
    };
}

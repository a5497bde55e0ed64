using Npgsql;

namespace Hub.Silo.Clustering.Postgres;

/// <summary>
/// The tables Orleans' cluster state needs in PostgreSQL (membership and reminders), created on start in the
/// journal's database. Creation is idempotent and serialised by an advisory lock, because two silos that start
/// together would otherwise race on <c>CREATE TABLE IF NOT EXISTS</c> (which is not atomic in PostgreSQL).
/// </summary>
public static class PostgresClusterSchema
{
    // Any constant works as long as nothing else in the database takes the same advisory lock: "hubclstr".
    private const long LockKey = 0x6875_6263_6c73_7472;

    // Times are UTC .NET ticks (bigint) so an entry reads back exactly as it was written; timestamptz would
    // round to microseconds. A silo is keyed by its parsable address (ip:port@generation).
    private const string Create = """
        CREATE TABLE IF NOT EXISTS hub_membership_version (
            cluster_id text    NOT NULL PRIMARY KEY,
            version    integer NOT NULL
        );
        CREATE TABLE IF NOT EXISTS hub_membership (
            cluster_id      text    NOT NULL REFERENCES hub_membership_version (cluster_id) ON DELETE CASCADE,
            silo            text    NOT NULL,
            silo_name       text    NOT NULL,
            host_name       text    NOT NULL,
            role_name       text    NOT NULL,
            status          integer NOT NULL,
            proxy_port      integer NOT NULL,
            update_zone     integer NOT NULL,
            fault_zone      integer NOT NULL,
            suspect_times   text    NOT NULL,
            start_time      bigint  NOT NULL,
            i_am_alive_time bigint  NOT NULL,
            etag            integer NOT NULL,
            PRIMARY KEY (cluster_id, silo)
        );
        CREATE TABLE IF NOT EXISTS hub_reminders (
            service_id    text   NOT NULL,
            grain_id      text   NOT NULL,
            reminder_name text   NOT NULL,
            start_at      bigint NOT NULL,
            period        bigint NOT NULL,
            grain_hash    bigint NOT NULL,
            etag          text   NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS hub_reminders_by_hash ON hub_reminders (service_id, grain_hash);
        """;

    /// <summary>Creates the tables when missing; safe to call from any number of processes at once.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(Create, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

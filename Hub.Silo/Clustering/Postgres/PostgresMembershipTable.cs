using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Hub.Silo.Clustering.Postgres;

/// <summary>
/// Orleans' membership table on PostgreSQL: the rendezvous point where silos find each other and agree on who
/// is alive, in the journal's database.
/// </summary>
/// <remarks>
/// One version row per cluster plus one row per silo. Every insert or update of a silo row moves the version row
/// forward in the same transaction, and only from the version the caller read (compare-and-swap on the row
/// lock), so two silos that race to change the membership view cannot both win; the loser re-reads. Row ETags are
/// a per-row counter. Reads are single statements, so the version and the rows come from one snapshot.
/// </remarks>
public sealed partial class PostgresMembershipTable(ClusterDatabase database, IOptions<ClusterOptions> cluster, ILogger<PostgresMembershipTable> logger)
    : IMembershipTable
{
    private readonly string _clusterId = cluster.Value.ClusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await database.EnsureSchemaAsync(CancellationToken.None);
        if (tryInitTableVersion)
        {
            await using var command = database.DataSource.CreateCommand(
                "INSERT INTO hub_membership_version (cluster_id, version) VALUES (@cluster, 0) ON CONFLICT DO NOTHING");
            command.Parameters.AddWithValue("cluster", _clusterId);
            await command.ExecuteNonQueryAsync();
        }

        LogReady(_clusterId);
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        // Silo rows go with their version row (ON DELETE CASCADE).
        await using var command = database.DataSource.CreateCommand("DELETE FROM hub_membership_version WHERE cluster_id = @cluster");
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var command = database.DataSource.CreateCommand(
            "DELETE FROM hub_membership WHERE cluster_id = @cluster AND i_am_alive_time < @before AND status <> @active");
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("before", beforeDate.UtcDateTime.Ticks);
        command.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        await command.ExecuteNonQueryAsync();
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        return await ChangeAsync(tableVersion, """
            INSERT INTO hub_membership (cluster_id, silo, silo_name, host_name, role_name, status, proxy_port, update_zone, fault_zone, suspect_times, start_time, i_am_alive_time, etag)
            VALUES (@cluster, @silo, @silo_name, @host_name, @role_name, @status, @proxy_port, @update_zone, @fault_zone, @suspect_times, @start_time, @i_am_alive_time, 0)
            ON CONFLICT DO NOTHING
            """, entry, etag: null);
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var rowEtag))
        {
            return false;
        }

        return await ChangeAsync(tableVersion, """
            UPDATE hub_membership SET silo_name = @silo_name, host_name = @host_name, role_name = @role_name, status = @status,
                proxy_port = @proxy_port, update_zone = @update_zone, fault_zone = @fault_zone, suspect_times = @suspect_times,
                start_time = @start_time, i_am_alive_time = @i_am_alive_time, etag = etag + 1
            WHERE cluster_id = @cluster AND silo = @silo AND etag = @etag
            """, entry, rowEtag);
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // A heartbeat, not a change of the membership view: neither the version nor the ETag moves.
        await using var command = database.DataSource.CreateCommand(
            "UPDATE hub_membership SET i_am_alive_time = @alive WHERE cluster_id = @cluster AND silo = @silo");
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("alive", MembershipRows.ToUtc(entry.IAmAliveTime).Ticks);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<MembershipTableData> ReadAsync(SiloAddress? silo)
    {
        // The silo filter sits in the join, so the version row comes back even when the silo has no row.
        var sql = $"""
            SELECT v.version, {MembershipRows.Columns}
            FROM hub_membership_version v
            LEFT JOIN hub_membership m ON m.cluster_id = v.cluster_id {(silo is null ? string.Empty : "AND m.silo = @silo")}
            WHERE v.cluster_id = @cluster
            """;
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("cluster", _clusterId);
        if (silo is not null)
        {
            command.Parameters.AddWithValue("silo", silo.ToParsableString());
        }

        var version = 0;
        var rows = new List<Tuple<MembershipEntry, string>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            version = reader.GetInt32(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add(MembershipRows.Read(reader, 1));
            }
        }

        return new MembershipTableData(rows, new TableVersion(version, version.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Moves the version row from the caller's ETag to its new version and changes one silo row, both or neither.</summary>
    private async Task<bool> ChangeAsync(TableVersion tableVersion, string rowSql, MembershipEntry entry, int? etag)
    {
        if (!int.TryParse(tableVersion.VersionEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var version = new NpgsqlCommand(
            "UPDATE hub_membership_version SET version = @version WHERE cluster_id = @cluster AND version = @expected", connection, transaction))
        {
            version.Parameters.AddWithValue("cluster", _clusterId);
            version.Parameters.AddWithValue("version", tableVersion.Version);
            version.Parameters.AddWithValue("expected", expected);
            if (await version.ExecuteNonQueryAsync() != 1)
            {
                LogVersionConflict(entry.SiloAddress, tableVersion.Version);
                return false;   // disposing the transaction rolls it back
            }
        }

        await using (var row = new NpgsqlCommand(rowSql, connection, transaction))
        {
            row.Parameters.AddWithValue("cluster", _clusterId);
            MembershipRows.Bind(row, entry);
            if (etag is { } value)
            {
                row.Parameters.AddWithValue("etag", value);
            }

            if (await row.ExecuteNonQueryAsync() != 1)
            {
                LogRowConflict(entry.SiloAddress);
                return false;
            }
        }

        await transaction.CommitAsync();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Membership table ready on PostgreSQL for cluster {ClusterId}")]
    private partial void LogReady(string clusterId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership change for {Silo} lost the race to version {Version}; Orleans re-reads and retries")]
    private partial void LogVersionConflict(SiloAddress silo, int version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership row of {Silo} exists already or changed meanwhile")]
    private partial void LogRowConflict(SiloAddress silo);
}

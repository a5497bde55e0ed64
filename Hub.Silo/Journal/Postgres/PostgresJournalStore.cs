using System.Data;
using Hub.Silo.Journal.GroupCommit;
using Hub.Silo.Journal.Integrity;
using Hub.Silo.Postgres;
using Hub.Transparency.Merkle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Silo.Journal.Postgres;

/// <summary>
/// The cluster journal: one PostgreSQL database shared by every silo, each stream a Merkle log, one writer per
/// process with group commit.
/// </summary>
/// <remarks>
/// Appends queue for this process's writer loop, which commits all appends waiting at that moment in one
/// transaction (<c>synchronous_commit</c> on: the commit returns once the WAL is flushed). Each append runs in its
/// own savepoint and one round trip (blobs, entries, completed tree nodes, head). Several processes may write the
/// same stream (a grain moving between silos): the <c>(stream_id, version)</c> primary key turns the loser of such
/// a race into a <see cref="JournalConflictException"/> with its savepoint rolled back, never a partial write. The
/// cached Merkle frontier of a stream is used only when its size equals the stream's stored version read in the same
/// transaction; otherwise it is restored from the stored nodes.
/// A lost connection fails the batch (every append in it fails, none half-written: nothing commits), clears the
/// connection pool and the cached frontiers; the next batch opens a fresh connection. A batch that lost its
/// connection before writing anything is tried once more at once on a fresh one (a pooled connection the server
/// had closed).
/// Reads verify (see <see cref="IJournalStore"/>) in a REPEATABLE READ snapshot: this partial file holds the
/// writer; the others the reads and the checkpoints.
/// </remarks>
public sealed partial class PostgresJournalStore : IJournalStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly JournalTamperAlarm _alarm;
    private readonly ICheckpointAuthenticator? _authenticator;
    private readonly FrontierCache _frontiers;
    private readonly AppendQueue _appends;
    private readonly Task _writerLoop;
    private int _disposed;

    /// <summary>Opens the store and creates or migrates its schema (under an advisory lock: silos may start together).</summary>
    public PostgresJournalStore(
        PostgresJournalOptions options,
        TimeProvider? clock = null,
        ILogger<PostgresJournalStore>? logger = null,
        JournalTamperAlarm? alarm = null,
        ICheckpointAuthenticator? authenticator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("Hub:Journal:Postgres:ConnectionString is required for the PostgreSQL journal.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FrontierCacheSize, 1);
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger<PostgresJournalStore>.Instance;
        _alarm = alarm ?? new JournalTamperAlarm();
        _authenticator = authenticator;
        _frontiers = new FrontierCache(options.FrontierCacheSize);
        _appends = new AppendQueue(options.MaxBatch);
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            PostgresMigrator.Migrate(_dataSource, PostgresJournalSchema.Component, PostgresJournalSchema.Steps);
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }

        _writerLoop = Task.Run(() => _appends.RunAsync(CommitBatchAsync));
    }

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, CancellationToken ct = default) =>
        AppendAsync(streamId, expectedVersion, entries, [], ct);

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs, CancellationToken ct = default) =>
        _appends.AppendAsync(this, streamId, expectedVersion, entries, blobs, ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _appends.Complete();
        await _writerLoop;
        await _dataSource.DisposeAsync();
    }

    private async Task CommitBatchAsync(IReadOnlyList<AppendRequest> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var progress = new BatchProgress();
            try
            {
                await WriteBatchAsync(batch, progress);
                return;
            }
            catch (Exception ex) when (PostgresFailures.IsConnectionLost(ex) && !progress.Writing && attempt == 1)
            {
                // Nothing was written: most likely an idle pooled connection the server had closed.
                _dataSource.Clear();
                LogRetryingOnFreshConnection(ex);
            }
#pragma warning disable CA1031 // The writer loop must outlive any failure: each one fails its batch, never the loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // The cached frontiers ran ahead of what was rolled back (or may have: a commit cut off is unknown).
                _frontiers.Clear();
                if (PostgresFailures.IsConnectionLost(ex))
                {
                    _dataSource.Clear();
                }

                LogCommitFailed(ex, batch.Count);
                foreach (var request in batch)
                {
                    request.Completion.TrySetException(ex);
                }

                return;
            }
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<AppendRequest> batch, BatchProgress progress)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);

        // One time for the whole batch, taken before any entry is hashed: it is part of every leaf.
        var recordedAt = _clock.GetUtcNow().ToUnixTimeMilliseconds();

        // Stored heads of every stream in the batch, then advanced as appends to one stream chain within it.
        var heads = await ReadHeadsAsync(connection, batch);
        progress.Writing = true;
        var accepted = new List<(AppendRequest Request, long Version)>(batch.Count);
        foreach (var request in batch)
        {
            if (await TryWriteAsync(connection, request, heads, recordedAt) is { } version)
            {
                accepted.Add((request, version));
            }
        }

        await transaction.CommitAsync();
        foreach (var (request, version) in accepted)
        {
            request.Completion.TrySetResult(version);
        }
    }

    /// <summary>Writes one append inside a savepoint; returns its new version, or null when it was refused.</summary>
    private async Task<long?> TryWriteAsync(NpgsqlConnection connection, AppendRequest request, Dictionary<string, long> heads, long recordedAt)
    {
        var streamId = request.StreamId;
        var head = heads[streamId];
        if (head != request.ExpectedVersion)
        {
            request.Completion.TrySetException(new JournalConflictException(streamId, request.ExpectedVersion, head));
            return null;
        }

        // Trusted only at the stored version (FrontierCache compares sizes): another silo may have appended since.
        MerkleAccumulator tree;
        try
        {
            var nodes = new PostgresNodeSource(connection, streamId, head);
            if (!_frontiers.Contains(streamId, head))
            {
                await nodes.PrefetchFrontiersAsync([head]);
            }

            tree = _frontiers.Get(streamId, head, () => MerkleAccumulator.Restore(nodes, head));
        }
        catch (InvalidOperationException) when (connection.FullState == ConnectionState.Open)
        {
            // A stored frontier node is missing: appending on a damaged tree would hide the damage.
            request.Completion.TrySetException(_alarm.Raise(streamId, head, JournalIntegrityCheck.MissingNode, "the stored tree cannot be restored for an append"));
            return null;
        }

        var plan = AppendPlan.Build(streamId, head, tree, request.Entries, recordedAt);
        await using var write = WriteCommands(connection, streamId, request, plan, recordedAt);
        try
        {
            await write.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (!PostgresFailures.IsConnectionLost(ex) && connection.FullState == ConnectionState.Open)
        {
            _frontiers.Evict(streamId);
            await using (var rollback = new NpgsqlCommand(PostgresJournalSchema.RollbackSavepoint, connection))
            {
                await rollback.ExecuteNonQueryAsync();
            }

            if (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == PostgresJournalSchema.EntriesKey)
            {
                // Another process appended at this version first (READ COMMITTED now sees its commit).
                heads[streamId] = await ReadHeadAsync(connection, streamId);
                request.Completion.TrySetException(new JournalConflictException(streamId, request.ExpectedVersion, heads[streamId]));
            }
            else
            {
                request.Completion.TrySetException(ex);
            }

            return null;
        }

        heads[streamId] = plan.NewVersion;
        return plan.NewVersion;
    }

    /// <summary>One round trip: savepoint, blobs (before the entries that name them), entries, nodes, head, release.</summary>
    private static NpgsqlBatch WriteCommands(NpgsqlConnection connection, string streamId, AppendRequest request, AppendPlan plan, long recordedAt)
    {
        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresJournalSchema.Savepoint));
        if (request.Blobs.Count > 0)
        {
            var blobs = request.Blobs.DistinctBy(b => b.Digest, StringComparer.Ordinal).ToArray();
            var put = new NpgsqlBatchCommand(PostgresJournalSchema.PutEnvelopes);
            put.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. blobs.Select(b => b.Digest)] });
            put.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. blobs.Select(b => b.Bytes.ToArray())] });
            batch.BatchCommands.Add(put);
        }

        var insert = new NpgsqlBatchCommand(PostgresJournalSchema.InsertEntries);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = recordedAt });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = plan.Versions });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. request.Entries.Select(e => e.Type)] });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. request.Entries.Select(e => e.Payload.ToArray())] });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = plan.LeafHashes });
        batch.BatchCommands.Add(insert);

        if (plan.Nodes.Count > 0)
        {
            var nodes = new NpgsqlBatchCommand(PostgresJournalSchema.InsertNodes);
            nodes.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            nodes.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. plan.Nodes.Select(n => n.Level)] });
            nodes.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. plan.Nodes.Select(n => n.Index)] });
            nodes.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. plan.Nodes.Select(n => n.Hash)] });
            batch.BatchCommands.Add(nodes);
        }

        var upsert = new NpgsqlBatchCommand(PostgresJournalSchema.UpsertHead);
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = plan.NewVersion });
        batch.BatchCommands.Add(upsert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresJournalSchema.ReleaseSavepoint));
        return batch;
    }

    private static async Task<Dictionary<string, long>> ReadHeadsAsync(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch)
    {
        await using var read = new NpgsqlBatch(connection);
        read.BatchCommands.Add(new NpgsqlBatchCommand(PostgresJournalSchema.SynchronousCommit));
        var heads = new NpgsqlBatchCommand(PostgresJournalSchema.Heads);
        heads.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.StreamId).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        read.BatchCommands.Add(heads);
        // The reader starts at the first statement that returns rows: the heads.
        await using var reader = await read.ExecuteReaderAsync();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    private static async Task<long> ReadHeadAsync(NpgsqlConnection connection, string streamId, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand(PostgresJournalSchema.Head, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal commit of {Count} appends failed; none of them was acknowledged")]
    private partial void LogCommitFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal connection lost before the batch wrote anything; retrying once on a fresh connection")]
    private partial void LogRetryingOnFreshConnection(Exception exception);

    /// <summary>Whether the batch got past reading heads: from then on a failure may follow writes and is not retried.</summary>
    private sealed class BatchProgress
    {
        public bool Writing { get; set; }
    }
}

using Hub.Silo.Journal.GroupCommit;
using Hub.Silo.Journal.Integrity;
using Hub.Silo.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hub.Silo.Journal.Postgres;

/// <summary>
/// The cluster journal: one PostgreSQL database shared by every silo, each stream a Merkle log, one writer per
/// process with group commit.
/// </summary>
/// <remarks>
/// Appends queue for this process's writer loop, which commits all appends waiting at that moment in one
/// transaction (<c>synchronous_commit</c> on: the commit returns once the WAL is flushed): one round trip for the
/// heads, one for every append's writes (blobs, entries, completed tree nodes, head), and the commit. Several
/// processes may write the same stream (a grain moving between silos): the <c>(stream_id, version)</c> primary key
/// refuses the loser of such a race; the batch is then rolled back and written again with each append in its own
/// savepoint and round trip, so the loser gets a <see cref="JournalConflictException"/> and the others commit, never a
/// partial write (see <c>PostgresJournalStore.Writer.cs</c>). The
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

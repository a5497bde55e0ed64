using System.Threading.Channels;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode, one writer with group commit, each stream a Merkle log.
/// </summary>
/// <remarks>
/// Every append goes through a single writer loop that takes all appends waiting at that moment and
/// commits them in one transaction, so one fsync serves many callers (group commit). Each append runs
/// inside its own savepoint: a conflicting or failing append is refused alone and the rest still commit.
/// Callers are released only after the commit returned, so an acknowledged append is on disk.
/// The writer gives the batch one time, hashes each entry as a Merkle leaf and stores the leaf and every
/// tree node the append completes beside the entries, on a per-stream frontier it keeps in memory.
/// Reads verify (see <see cref="IJournalStore"/>): this partial file holds the writer; the others the reads
/// and the checkpoints.
/// Envelope bytes travel as blobs of the append whose event names them, so bytes and event commit together.
/// </remarks>
public sealed partial class SqliteJournalStore : IJournalStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly int _maxBatch;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly JournalTamperAlarm _alarm;
    private readonly ICheckpointAuthenticator? _authenticator;
    private readonly FrontierCache _frontiers;
    private readonly Channel<AppendRequest> _appends =
        Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _writer;
    private readonly Task _writerLoop;

    public SqliteJournalStore(
        SqliteJournalOptions options,
        TimeProvider? clock = null,
        ILogger<SqliteJournalStore>? logger = null,
        JournalTamperAlarm? alarm = null,
        ICheckpointAuthenticator? authenticator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FrontierCacheSize, 1);
        var fullPath = Path.GetFullPath(options.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _maxBatch = options.MaxBatch;
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SqliteJournalStore>.Instance;
        _alarm = alarm ?? new JournalTamperAlarm();
        _authenticator = authenticator;
        _frontiers = new FrontierCache(options.FrontierCacheSize);

        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, SqliteJournalSchema.Pragmas);
        Execute(_writer, SqliteJournalSchema.WriterPragmas);
        Execute(_writer, SqliteJournalSchema.Create);
        if (Scalar(_writer, SqliteJournalSchema.HasLeafHashes) != 1)
        {
            _writer.Dispose();
            throw new InvalidOperationException(
                $"The journal file '{fullPath}' predates the Merkle log (no leaf hashes): its entries cannot be verified. Move it away to start a new journal.");
        }

        _writerLoop = Task.Run(WriteLoopAsync);
    }

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, CancellationToken ct = default) =>
        AppendAsync(streamId, expectedVersion, entries, [], ct);

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs, CancellationToken ct = default)
    {
        JournalArguments.CheckAppend(streamId, expectedVersion, entries);
        JournalArguments.CheckBlobs(blobs);
        var request = new AppendRequest(streamId, expectedVersion, entries, blobs);
        ObjectDisposedException.ThrowIf(!_appends.Writer.TryWrite(request), this);

        // A cancelled wait does not withdraw the append: like any request that timed out, it may still commit.
        return await request.Completion.Task.WaitAsync(ct);
    }

    internal string ConnectionString => _connectionString;

    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _writerLoop;
        await _writer.DisposeAsync();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<AppendRequest>(_maxBatch);
        using var writes = new SqliteWriteCommands(_writer);
        while (await _appends.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _appends.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            CommitBatch(writes, batch);
        }
    }

    private void CommitBatch(SqliteWriteCommands writes, List<AppendRequest> batch)
    {
        var accepted = new List<(AppendRequest Request, long Version)>(batch.Count);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            writes.Enlist(transaction);

            // One time for the whole batch, taken before any entry is hashed: it is part of every leaf.
            var recordedAt = _clock.GetUtcNow().ToUnixTimeMilliseconds();

            // Heads of streams written earlier in this batch, so two appends to one stream chain correctly.
            var heads = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var request in batch)
            {
                if (TryWrite(writes, transaction, request, heads, recordedAt) is { } version)
                {
                    accepted.Add((request, version));
                }
            }

            transaction.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // The cached frontiers ran ahead of what was rolled back.
            _frontiers.Clear();
            LogCommitFailed(ex, batch.Count);
            foreach (var (request, _) in accepted)
            {
                request.Completion.TrySetException(ex);
            }

            return;
        }

        foreach (var (request, version) in accepted)
        {
            request.Completion.TrySetResult(version);
        }
    }

    /// <summary>Writes one append inside a savepoint; returns its new version, or null when it was refused.</summary>
    private long? TryWrite(SqliteWriteCommands writes, SqliteTransaction transaction, AppendRequest request, Dictionary<string, long> heads, long recordedAt)
    {
        var streamId = request.StreamId;
        if (!heads.TryGetValue(streamId, out var head))
        {
            head = writes.ReadHead(streamId);
        }

        if (head != request.ExpectedVersion)
        {
            request.Completion.TrySetException(new JournalConflictException(streamId, request.ExpectedVersion, head));
            return null;
        }

        MerkleAccumulator tree;
        try
        {
            tree = _frontiers.Get(streamId, head, () => RestoreFrontier(transaction, streamId, head));
        }
        catch (InvalidOperationException)
        {
            // A stored frontier node is missing: appending on a damaged tree would hide the damage.
            request.Completion.TrySetException(_alarm.Raise(streamId, head, JournalIntegrityCheck.MissingNode, "the stored tree cannot be restored for an append"));
            return null;
        }

        writes.BeginAppend();
        try
        {
            var version = head;
            Span<byte> leaf = stackalloc byte[MerkleHash.Size];
            CompletedSubtreeHandler storeNode = (level, index, hash) => writes.InsertNode(streamId, level, index, hash);

            // Blobs before the entries that name them, in the same savepoint: no entry without its bytes.
            foreach (var blob in request.Blobs)
            {
                writes.PutEnvelope(blob.Digest, blob.Bytes.ToArray());
            }

            foreach (var entry in request.Entries)
            {
                version++;
                JournalLeaf.ComputeHash(streamId, version, entry.Type, recordedAt, entry.Payload.Span, leaf);
                writes.Insert(streamId, version, entry, recordedAt, leaf);
                tree.Append(leaf, storeNode);
            }

            writes.UpsertHead(streamId, version);
            writes.EndAppend();
            heads[streamId] = version;
            return version;
        }
        catch (SqliteException ex)
        {
            _frontiers.Evict(streamId);
            writes.UndoAppend();
            request.Completion.TrySetException(ex);
            return null;
        }
    }

    private MerkleAccumulator RestoreFrontier(SqliteTransaction transaction, string streamId, long size)
    {
        using var nodes = new SqliteNodeSource(_writer, transaction, streamId, size);
        return MerkleAccumulator.Restore(nodes, size);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal commit of {Count} appends failed; none of them was acknowledged")]
    private partial void LogCommitFailed(Exception exception, int count);

    /// <summary>One append waiting for the next group commit; completed with its new version once durable.</summary>
    private sealed class AppendRequest(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs)
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<PendingBlob> Blobs { get; } = blobs;

        public string StreamId { get; } = streamId;

        public long ExpectedVersion { get; } = expectedVersion;

        public IReadOnlyList<PendingEntry> Entries { get; } = entries;
    }
}

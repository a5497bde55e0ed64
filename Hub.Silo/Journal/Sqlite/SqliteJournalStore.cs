using Hub.Silo.Journal.GroupCommit;
using Hub.Silo.Journal.Integrity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode, one writer with group commit, each stream a Merkle log.
/// </summary>
/// <remarks>
/// Every append goes through a single writer loop that takes all appends waiting at that moment and
/// commits them in one transaction, so one fsync serves many callers (group commit). A conflicting or failing
/// append is refused alone and the rest still commit (see <c>SqliteJournalStore.Writer.cs</c>).
/// Callers are released only after the commit returned, so an acknowledged append is on disk.
/// The writer gives the batch one time, hashes each entry as a Merkle leaf and stores the leaf and every
/// tree node the append completes beside the entries, on a per-stream frontier it keeps in memory.
/// Reads verify (see <see cref="IJournalStore"/>): this partial file holds the writer; the others the reads
/// and the checkpoints.
/// Envelope bytes travel as blobs of the append whose event names them, so bytes and event commit together; they are
/// stored beside that append's entries and found through them (<see cref="BlobReference"/>).
/// </remarks>
public sealed partial class SqliteJournalStore : IJournalStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly JournalTamperAlarm _alarm;
    private readonly ICheckpointAuthenticator? _authenticator;
    private readonly FrontierCache _frontiers;
    private readonly AppendQueue _appends;
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
        _appends = new AppendQueue(options.MaxBatch);
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
        if (Scalar(_writer, SqliteJournalSchema.HasEntryColumn("leaf_hash")) != 1)
        {
            _writer.Dispose();
            throw new InvalidOperationException(
                $"The journal file '{fullPath}' predates the Merkle log (no leaf hashes): its entries cannot be verified. Move it away to start a new journal.");
        }

        foreach (var (column, add) in SqliteJournalSchema.LaterEntryColumns)
        {
            if (Scalar(_writer, SqliteJournalSchema.HasEntryColumn(column)) != 1)
            {
                Execute(_writer, add);
            }
        }

        _writerLoop = Task.Run(WriteLoopAsync);
    }

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, CancellationToken ct = default) =>
        AppendAsync(streamId, expectedVersion, entries, [], ct);

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs, CancellationToken ct = default) =>
        _appends.AppendAsync(this, streamId, expectedVersion, entries, blobs, ct);

    internal string ConnectionString => _connectionString;

    public async ValueTask DisposeAsync()
    {
        _appends.Complete();
        await _writerLoop;
        await _writer.DisposeAsync();
    }

    private async Task WriteLoopAsync()
    {
        using var writes = new SqliteWriteCommands(_writer);
        await _appends.RunAsync(batch => CommitBatchAsync(writes, batch));
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
}

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode, one writer with group commit.
/// </summary>
/// <remarks>
/// Every append goes through a single writer loop that takes all appends waiting at that moment and
/// commits them in one transaction, so one fsync serves many callers (group commit). Each append runs
/// inside its own savepoint: a conflicting or failing append is refused alone and the rest still commit.
/// Callers are released only after the commit returned, so an acknowledged append is on disk.
/// </remarks>
public sealed partial class SqliteJournalStore : IJournalStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly int _maxBatch;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<AppendRequest> _appends =
        Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _writer;
    private readonly Task _writerLoop;

    public SqliteJournalStore(SqliteJournalOptions options, TimeProvider? clock = null, ILogger<SqliteJournalStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
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

        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, SqliteJournalSchema.Pragmas);
        Execute(_writer, SqliteJournalSchema.Create);
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, CancellationToken ct = default)
    {
        JournalArguments.CheckAppend(streamId, expectedVersion, entries);
        var request = new AppendRequest(streamId, expectedVersion, entries);
        ObjectDisposedException.ThrowIf(!_appends.Writer.TryWrite(request), this);

        // A cancelled wait does not withdraw the append: like any request that timed out, it may still commit.
        return await request.Completion.Task.WaitAsync(ct);
    }

    public async IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteJournalSchema.Read;
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$after", afterVersion);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new JournalEntry(
                streamId,
                reader.GetInt64(0),
                reader.GetString(1),
                (byte[])reader.GetValue(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        }
    }

    public async Task<long> GetVersionAsync(string streamId, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteJournalSchema.Head;
        command.Parameters.AddWithValue("$stream", streamId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        if (_writerLoop.IsCompleted)
        {
            return false;
        }

        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

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
    private static long? TryWrite(SqliteWriteCommands writes, SqliteTransaction transaction, AppendRequest request, Dictionary<string, long> heads, long recordedAt)
    {
        if (!heads.TryGetValue(request.StreamId, out var head))
        {
            head = writes.ReadHead(request.StreamId);
        }

        if (head != request.ExpectedVersion)
        {
            request.Completion.TrySetException(new JournalConflictException(request.StreamId, request.ExpectedVersion, head));
            return null;
        }

        transaction.Save("append");
        try
        {
            var version = head;
            foreach (var entry in request.Entries)
            {
                writes.Insert(request.StreamId, ++version, entry, recordedAt);
            }

            transaction.Release("append");
            heads[request.StreamId] = version;
            return version;
        }
        catch (SqliteException ex)
        {
            transaction.Rollback("append");
            transaction.Release("append");
            request.Completion.TrySetException(ex);
            return null;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal commit of {Count} appends failed; none of them was acknowledged")]
    private partial void LogCommitFailed(Exception exception, int count);

    private sealed class AppendRequest(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries)
    {
        public string StreamId { get; } = streamId;

        public long ExpectedVersion { get; } = expectedVersion;

        public IReadOnlyList<PendingEntry> Entries { get; } = entries;

        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

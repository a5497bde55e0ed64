using System.Text;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Tests.Testing;
using Npgsql;

namespace Hub.Silo.Tests.Journal;

/// <summary>
/// The store's server sessions cut from outside (<c>pg_terminate_backend</c>, as a PostgreSQL restart does), and
/// a concurrent writer holding the same version: appends fail whole or conflict, and the store recovers by itself.
/// </summary>
public sealed class PostgresConnectionLossTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime, IAsyncDisposable
{
    private readonly PostgresJournalStore _store = new(new PostgresJournalOptions { ConnectionString = database.ConnectionString });

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _store.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task AnAppendCutOffMidTransactionFailsWholeAndTheNextAppendWorks()
    {
        var stream = $"cut/{Guid.NewGuid():N}";
        var blob = PendingBlob.Of(Encoding.UTF8.GetBytes($"sealed {stream}"));
        await using var admin = await OpenAdminAsync();

        // Another session holds version 1 uncommitted, so the store's append waits inside its transaction...
        await using var holder = await admin.BeginTransactionAsync();
        await InsertRowAsync(admin, stream, 1);
        var append = _store.AppendAsync(stream, 0, [Entry("first"), Entry("second")], [blob]);
        await WaitUntilWaitingOnALockAsync(admin);

        // ...where its session is terminated (and not, say, timed out).
        Assert.True(await TerminateStoreSessionsAsync(admin) > 0);
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => append);
        Assert.IsNotType<JournalConflictException>(failed);
        await holder.RollbackAsync();

        // Nothing of it was written: no entry, no blob; the store takes the next append on a fresh connection.
        Assert.Equal(0, await _store.GetVersionAsync(stream));
        Assert.Null(await _store.GetBlobAsync(new BlobReference(stream, 1, blob.Digest)));
        Assert.Equal(2, await _store.AppendAsync(stream, 0, [Entry("first"), Entry("second")], [blob]));
        Assert.Equal(2, await CountAsync(_store, stream));
        Assert.NotNull(await _store.GetBlobAsync(new BlobReference(stream, 1, blob.Digest)));
    }

    [Fact]
    public async Task IdleSessionsTerminatedBetweenCallsDoNotFailTheNextAppendOrRead()
    {
        var stream = $"idle/{Guid.NewGuid():N}";
        await _store.AppendAsync(stream, 0, [Entry("before")]);
        Assert.Equal(1, await CountAsync(_store, stream));
        await using var admin = await OpenAdminAsync();

        // At least the pooled session of that append is cut; with none, this test would prove nothing.
        Assert.True(await TerminateStoreSessionsAsync(admin) > 0);

        // The writer retries a batch that lost its connection before writing anything.
        Assert.Equal(2, await _store.AppendAsync(stream, 1, [Entry("after")]));
        await TerminateStoreSessionsAsync(admin);
        await TerminateStoreSessionsAsync(admin);

        // A read may fail once on a dead pooled connection; it clears the pool, so the one after works.
        try
        {
            await _store.GetVersionAsync(stream);
        }
        catch (NpgsqlException)
        {
        }

        Assert.Equal(2, await CountAsync(_store, stream));
        Assert.True(await _store.PingAsync());
    }

    [Fact]
    public async Task AnotherWriterCommittingTheSameVersionFirstMakesTheAppendAConflict()
    {
        var stream = $"dup/{Guid.NewGuid():N}";
        var blob = PendingBlob.Of(Encoding.UTF8.GetBytes($"sealed {stream}"));
        var calm = $"calm/{Guid.NewGuid():N}";
        await using var admin = await OpenAdminAsync();
        await using var holder = await admin.BeginTransactionAsync();
        await InsertRowAsync(admin, stream, 1);

        // The store reads version 0 for the stream, then its insert waits for the other writer, which commits.
        var append = _store.AppendAsync(stream, 0, [Entry("mine")], [blob]);
        var beside = _store.AppendAsync(calm, 0, [Entry("fine")]);
        await WaitUntilWaitingOnALockAsync(admin);
        await holder.CommitAsync();

        var conflict = await Assert.ThrowsAsync<JournalConflictException>(() => append);
        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Null(await _store.GetBlobAsync(new BlobReference(stream, 1, blob.Digest)));
        Assert.Equal(1, await beside);
    }

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        // A session of its own on the test database, outside the store's pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task InsertRowAsync(NpgsqlConnection admin, string stream, long version)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO journal_entries VALUES ($1, $2, 'test.v1', '\\x00'::bytea, 0, '\\x00'::bytea)", admin);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Polls until a session of this database other than <paramref name="admin"/> waits on a lock.</summary>
    private static async Task WaitUntilWaitingOnALockAsync(NpgsqlConnection admin)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                """, admin);
            if ((long)(await command.ExecuteScalarAsync(deadline.Token))! > 0)
            {
                return;
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Ends the other client sessions in the test database; returns how many there were.</summary>
    private static async Task<long> TerminateStoreSessionsAsync(NpgsqlConnection admin)
    {
        // Client sessions only: an autovacuum worker may be in the database too, and signalling it is refused.
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity " +
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'", admin);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> CountAsync(PostgresJournalStore store, string stream)
    {
        var count = 0;
        await foreach (var _ in store.ReadAsync(stream))
        {
            count++;
        }

        return count;
    }

    private static PendingEntry Entry(string text) => new("test.v1", Encoding.UTF8.GetBytes(text));
}

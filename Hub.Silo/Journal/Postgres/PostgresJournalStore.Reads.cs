using System.Data;
using System.Runtime.CompilerServices;
using Hub.Silo.Journal.Integrity;
using Hub.Silo.Postgres;
using Hub.Transparency.Merkle;
using Npgsql;

namespace Hub.Silo.Journal.Postgres;

/// <summary>Verified reads, tree heads and proofs; each runs in one REPEATABLE READ transaction (one snapshot).</summary>
public sealed partial class PostgresJournalStore
{
    public async IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        await using var connection = await OpenAsync(ct);
        await using var snapshot = await BeginSnapshotAsync(connection, ct);
        await GuardAsync(async () =>
        {
            var size = await ReadHeadAsync(connection, streamId, ct);
            await VerifyStreamAsync(connection, streamId, afterVersion, size, ct);
            return true;
        });

        // Served from the same snapshot, so exactly what was just verified.
        await using var command = ReadCommand(connection, streamId, afterVersion);
        await using var reader = await GuardAsync(() => command.ExecuteReaderAsync(ct));
        while (true)
        {
            JournalEntry entry;
            try
            {
                if (!await reader.ReadAsync(ct))
                {
                    break;
                }

                entry = ToEntry(streamId, reader);
            }
            catch (Exception ex) when (PostgresFailures.IsConnectionLost(ex))
            {
                _dataSource.Clear();
                throw;
            }

            yield return entry;
        }
    }

    // Blobs are content-addressed here: the digest alone finds them, wherever the append that stored them was.
    public async Task<byte[]?> GetBlobAsync(BlobReference blob, CancellationToken ct = default)
    {
        var digest = blob.Digest;
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        var bytes = await WithConnectionAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(PostgresJournalSchema.GetEnvelope, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = digest });
            return await command.ExecuteScalarAsync(ct) as byte[];
        }, ct);
        if (bytes is null)
        {
            return null;
        }

        // Fail closed: bytes altered in the database must not be served under their old name.
        return Envelopes.EnvelopeDigest.Of(bytes) == digest ? bytes : throw new InvalidDataException($"Stored blob {digest} does not match its digest.");
    }

    public Task<long> GetVersionAsync(string streamId, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        return WithConnectionAsync(connection => ReadHeadAsync(connection, streamId, ct), ct);
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        if (_writerLoop.IsCompleted)
        {
            return false;
        }

        try
        {
            return await WithConnectionAsync(async connection =>
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                return await command.ExecuteScalarAsync(ct) is 1;
            }, ct);
        }
        catch (Exception ex) when (PostgresFailures.IsConnectionLost(ex))
        {
            return false;
        }
    }

    public Task<JournalTreeHead> GetTreeHeadAsync(string streamId, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        return InSnapshotAsync(async connection =>
        {
            var size = await ReadHeadAsync(connection, streamId, ct);

            // What the latest checkpoint covers is vouched for by its signature; what came after is recomputed.
            var signed = Math.Min((await ReadCheckpointAsync(connection, streamId, null, ct))?.TreeSize ?? 0, size);
            var root = await VerifyStreamAsync(connection, streamId, signed, size, ct);
            return new JournalTreeHead(streamId, size, root);
        }, ct);
    }

    public Task<byte[]> GetInclusionProofAsync(string streamId, long version, long treeSize, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        return InSnapshotAsync(async connection =>
        {
            var size = await ReadHeadAsync(connection, streamId, ct);
            JournalArguments.CheckInclusion(version, treeSize, size);
            var nodes = new PostgresNodeSource(connection, streamId, size);
            return StreamVerifier.Guard(streamId, treeSize, _alarm, () => MerkleProofBuilder.BuildInclusionProof(nodes, version - 1, treeSize));
        }, ct);
    }

    public Task<byte[]> GetConsistencyProofAsync(string streamId, long fromSize, long toSize, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        return InSnapshotAsync(async connection =>
        {
            var size = await ReadHeadAsync(connection, streamId, ct);
            JournalArguments.CheckConsistency(fromSize, toSize, size);
            var nodes = new PostgresNodeSource(connection, streamId, size);
            await nodes.PrefetchFrontiersAsync([fromSize, toSize], ct);
            return StreamVerifier.Guard(streamId, toSize, _alarm, () => MerkleProofBuilder.BuildConsistencyProof(nodes, fromSize, toSize));
        }, ct);
    }

    /// <summary>Verifies the entries after <paramref name="after"/> and the stored tree (see <see cref="StreamVerifier"/>); returns the root.</summary>
    private async Task<byte[]> VerifyStreamAsync(NpgsqlConnection connection, string streamId, long after, long size, CancellationToken ct)
    {
        var checkpoint = await ReadCheckpointAsync(connection, streamId, null, ct);
        var nodes = new PostgresNodeSource(connection, streamId, size);
        await nodes.PrefetchFrontiersAsync([after, size, checkpoint?.TreeSize ?? 0], ct);
        return StreamVerifier.VerifyTree(streamId, after, size, StoredEntries(connection, streamId, after), nodes, checkpoint, _authenticator, _alarm);
    }

    // Synchronous: the verifier consumes the entries as they arrive, so a long stream is never held in memory.
    private static IEnumerable<(JournalEntry Entry, byte[] StoredLeafHash)> StoredEntries(NpgsqlConnection connection, string streamId, long after)
    {
        using var command = ReadCommand(connection, streamId, after);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (ToEntry(streamId, reader), reader.GetFieldValue<byte[]>(4));
        }
    }

    private static NpgsqlCommand ReadCommand(NpgsqlConnection connection, string streamId, long after)
    {
        var command = new NpgsqlCommand(PostgresJournalSchema.Read, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        return command;
    }

    private static JournalEntry ToEntry(string streamId, NpgsqlDataReader reader) => new(
        streamId,
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetFieldValue<byte[]>(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));

    /// <summary>Runs <paramref name="work"/> in a REPEATABLE READ transaction: every query sees one snapshot.</summary>
    private async Task<T> InSnapshotAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct) =>
        await WithConnectionAsync(async connection =>
        {
            await using var snapshot = await BeginSnapshotAsync(connection, ct);
            return await work(connection);
        }, ct);

    private async Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await GuardAsync(() => work(connection));
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct) => await GuardAsync(() => _dataSource.OpenConnectionAsync(ct).AsTask());

    private Task<NpgsqlTransaction> BeginSnapshotAsync(NpgsqlConnection connection, CancellationToken ct) =>
        GuardAsync(() => connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).AsTask());

    /// <summary>A lost connection clears the pool, so the next call does not pick another dead pooled connection.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (PostgresFailures.IsConnectionLost(ex))
        {
            _dataSource.Clear();
            throw;
        }
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Merkle;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>Verified reads, tree heads and proofs; each runs in one read transaction (one WAL snapshot).</summary>
public sealed partial class SqliteJournalStore
{
    public async IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        await using var connection = await OpenAsync(ct);
        using var snapshot = connection.BeginTransaction(deferred: true);
        var size = ReadHead(connection, snapshot, streamId);
        VerifyStream(connection, snapshot, streamId, afterVersion, size);

        // Served from the same snapshot, so exactly what was just verified.
        foreach (var (entry, _) in StoredEntries(connection, snapshot, streamId, afterVersion))
        {
            ct.ThrowIfCancellationRequested();
            yield return entry;
        }
    }

    public async Task<byte[]?> GetBlobAsync(BlobReference blob, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(blob.StreamId);
        if (blob.Digest is null || !JournalArguments.IsSha256Hex(blob.Digest))
        {
            return null;
        }

        await using var connection = await OpenAsync(ct);
        using var snapshot = connection.BeginTransaction(deferred: true);
        var bytes = ReadCarriedBlob(connection, snapshot, blob) ?? ReadLegacyEnvelope(connection, snapshot, blob.Digest);
        if (bytes is null)
        {
            return null;
        }

        // Fail closed: bytes altered in the database must not be served under their old name.
        return Envelopes.EnvelopeDigest.Of(bytes) == blob.Digest ? bytes : throw new InvalidDataException($"Stored blob {blob.Digest} does not match its digest.");
    }

    /// <summary>The blob among those the named entry's append stored in <c>journal_blobs</c>.</summary>
    private static byte[]? ReadCarriedBlob(SqliteConnection connection, SqliteTransaction snapshot, BlobReference blob)
    {
        using var entry = connection.CreateCommand();
        entry.Transaction = snapshot;
        entry.CommandText = SqliteJournalSchema.EntryBlobs;
        entry.Parameters.AddWithValue("$stream", blob.StreamId);
        entry.Parameters.AddWithValue("$version", blob.Version);
        var rowIds = EntryBlobs.RowIds(entry.ExecuteScalar() as byte[]);

        using var read = connection.CreateCommand();
        read.Transaction = snapshot;
        read.CommandText = SqliteJournalSchema.GetBlob;
        var rowId = read.Parameters.Add("$rowid", SqliteType.Integer);
        read.Parameters.AddWithValue("$digest", Convert.FromHexString(blob.Digest));
        foreach (var id in rowIds)
        {
            rowId.Value = id;
            if (read.ExecuteScalar() is byte[] bytes)
            {
                return bytes;
            }
        }

        return null;
    }

    /// <summary>A blob stored under its digest by an append written before blobs moved beside their entries.</summary>
    private static byte[]? ReadLegacyEnvelope(SqliteConnection connection, SqliteTransaction snapshot, string digest)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = SqliteJournalSchema.GetLegacyEnvelope;
        command.Parameters.AddWithValue("$digest", digest);
        return command.ExecuteScalar() as byte[];
    }

    public async Task<long> GetVersionAsync(string streamId, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        await using var connection = await OpenAsync(ct);
        return ReadHead(connection, null, streamId);
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        if (_writerLoop.IsCompleted)
        {
            return false;
        }

        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<JournalTreeHead> GetTreeHeadAsync(string streamId, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        await using var connection = await OpenAsync(ct);
        using var snapshot = connection.BeginTransaction(deferred: true);
        var size = ReadHead(connection, snapshot, streamId);

        // What the latest checkpoint covers is vouched for by its signature; what came after is recomputed.
        var signed = Math.Min(ReadCheckpoint(connection, snapshot, streamId, null)?.TreeSize ?? 0, size);
        var root = VerifyStream(connection, snapshot, streamId, signed, size);
        return new JournalTreeHead(streamId, size, root);
    }

    public async Task<byte[]> GetInclusionProofAsync(string streamId, long version, long treeSize, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        await using var connection = await OpenAsync(ct);
        using var snapshot = connection.BeginTransaction(deferred: true);
        var size = ReadHead(connection, snapshot, streamId);
        JournalArguments.CheckInclusion(version, treeSize, size);
        using var nodes = new SqliteNodeSource(connection, snapshot, streamId, size);
        return FromStoredTree(streamId, treeSize, () => MerkleProofBuilder.BuildInclusionProof(nodes, version - 1, treeSize));
    }

    public async Task<byte[]> GetConsistencyProofAsync(string streamId, long fromSize, long toSize, CancellationToken ct = default)
    {
        JournalArguments.CheckStream(streamId);
        await using var connection = await OpenAsync(ct);
        using var snapshot = connection.BeginTransaction(deferred: true);
        var size = ReadHead(connection, snapshot, streamId);
        JournalArguments.CheckConsistency(fromSize, toSize, size);
        using var nodes = new SqliteNodeSource(connection, snapshot, streamId, size);
        return FromStoredTree(streamId, toSize, () => MerkleProofBuilder.BuildConsistencyProof(nodes, fromSize, toSize));
    }

    /// <summary>Verifies the entries after <paramref name="after"/> and the stored tree (see <see cref="StreamVerifier"/>); returns the root.</summary>
    private byte[] VerifyStream(SqliteConnection connection, SqliteTransaction snapshot, string streamId, long after, long size)
    {
        var checkpoint = ReadCheckpoint(connection, snapshot, streamId, null);
        using var nodes = new SqliteNodeSource(connection, snapshot, streamId, size);
        return StreamVerifier.VerifyTree(streamId, after, size, StoredEntries(connection, snapshot, streamId, after), nodes, checkpoint, _authenticator, _alarm);
    }

    private static IEnumerable<(JournalEntry Entry, byte[] StoredLeafHash)> StoredEntries(
        SqliteConnection connection, SqliteTransaction snapshot, string streamId, long after)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = SqliteJournalSchema.Read;
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$after", after);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entry = new JournalEntry(
                streamId,
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetFieldValue<byte[]>(2), // also when an edit left TEXT in the column: its bytes then fail the leaf check
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
            yield return (entry, reader.GetValue(4) as byte[] ?? []);
        }
    }

    private byte[] FromStoredTree(string streamId, long size, Func<byte[]> build) => StreamVerifier.Guard(streamId, size, _alarm, build);

    private static long ReadHead(SqliteConnection connection, SqliteTransaction? snapshot, string streamId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = SqliteJournalSchema.Head;
        command.Parameters.AddWithValue("$stream", streamId);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

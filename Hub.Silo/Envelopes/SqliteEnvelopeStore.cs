using Hub.Silo.Journal.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Envelopes;

/// <summary>Envelope bytes in the embedded journal's SQLite file, table <c>envelopes</c>.</summary>
public sealed class SqliteEnvelopeStore : IEnvelopeStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS envelopes (
            digest TEXT PRIMARY KEY,
            bytes  BLOB NOT NULL
        ) WITHOUT ROWID;
        """;

    private readonly string _connectionString;

    public SqliteEnvelopeStore(SqliteJournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(options.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Create;
        command.ExecuteNonQuery();
    }

    public async Task<string> PutAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
    {
        var digest = EnvelopeDigest.Of(bytes.Span);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO envelopes (digest, bytes) VALUES ($digest, $bytes)";
        command.Parameters.AddWithValue("$digest", digest);
        command.Parameters.Add("$bytes", SqliteType.Blob).Value = bytes.ToArray();
        await command.ExecuteNonQueryAsync(ct);
        return digest;
    }

    public async Task<byte[]?> GetAsync(string digest, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT bytes FROM envelopes WHERE digest = $digest";
        command.Parameters.AddWithValue("$digest", digest);
        if (await command.ExecuteScalarAsync(ct) is not byte[] bytes)
        {
            return null;
        }

        // Fail closed: bytes altered in the database must not be served under their old name.
        return EnvelopeDigest.Of(bytes) == digest ? bytes : throw new InvalidDataException($"Stored envelope {digest} does not match its digest.");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // Every write is its own transaction; FULL makes it durable before the grain journals its digest.
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}

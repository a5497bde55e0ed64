using Hub.Silo.Journal.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hub.Silo.Envelopes;

/// <summary>
/// Envelope bytes in the embedded journal's SQLite file, table <c>envelopes</c>. Writes join the journal's
/// group commit (one transaction and one fsync for many envelopes and appends), so a put never blocks a
/// grain thread on the file's write lock and is durable when it returns.
/// </summary>
public sealed class SqliteEnvelopeStore(SqliteJournalStore writer) : IEnvelopeStore
{
    public async Task<string> PutAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var digest = EnvelopeDigest.Of(bytes.Span);
        await writer.PutEnvelopeAsync(digest, bytes.ToArray(), ct);
        return digest;
    }

    public async Task<byte[]?> GetAsync(string digest, CancellationToken ct = default)
    {
        await using var connection = new SqliteConnection(writer.ConnectionString);
        await connection.OpenAsync(ct);
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
}

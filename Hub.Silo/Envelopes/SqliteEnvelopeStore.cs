using Hub.Silo.Journal.Sqlite;

namespace Hub.Silo.Envelopes;

/// <summary>
/// Envelope bytes in the embedded journal's SQLite file, table <c>envelopes</c>. Writes join the journal's
/// group commit (one transaction and one fsync for many envelopes and appends), so a put never blocks a
/// grain thread on the file's write lock and is durable when it returns. Bytes that an event names are better
/// given to the journal append that carries the event (<see cref="Journal.IJournalStore.AppendAsync(string, long, IReadOnlyList{Journal.PendingEntry}, IReadOnlyList{Journal.PendingBlob}, CancellationToken)"/>):
/// one commit instead of two. Reads see both the same way.
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

    public Task<byte[]?> GetAsync(string digest, CancellationToken ct = default) => writer.GetBlobAsync(digest, ct);
}

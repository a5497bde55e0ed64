using Hub.Silo.Envelopes;

namespace Hub.Silo.Journal;

/// <summary>
/// Content-addressed bytes handed to <see cref="IJournalStore.AppendAsync(string, long, IReadOnlyList{PendingEntry}, IReadOnlyList{PendingBlob}, CancellationToken)"/>
/// to become durable in the same commit as the entries that name them.
/// </summary>
/// <param name="Digest">SHA-256 of <paramref name="Bytes"/>, lower-case hex (<see cref="EnvelopeDigest"/>).</param>
/// <param name="Bytes">The bytes; the store copies them.</param>
public sealed record PendingBlob(string Digest, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The bytes under their digest, computed here so the name always matches the content.</summary>
    public static PendingBlob Of(ReadOnlyMemory<byte> bytes) => new(EnvelopeDigest.Of(bytes.Span), bytes);
}

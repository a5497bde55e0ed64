namespace Hub.Silo.Journal;

/// <summary>
/// A blob as the journal finds it: its digest, and the entry of the append that carried it (any entry of that append;
/// in practice the event that names the digest).
/// </summary>
/// <remarks>
/// The SQLite store keeps an append's blobs beside its entries and finds them through the entry, which spares every
/// append an insert into an index of random digests; the PostgreSQL store finds them by digest alone.
/// </remarks>
/// <param name="StreamId">The stream of the entry.</param>
/// <param name="Version">The entry's version.</param>
/// <param name="Digest">SHA-256 of the bytes, lower-case hex (<see cref="PendingBlob.Digest"/>).</param>
public readonly record struct BlobReference(string StreamId, long Version, string Digest);

namespace Hub.Silo.Journal;

/// <summary>
/// Append-only store of per-stream entries: the durable state of every grain and its audit trail.
/// Each stream is an RFC 9162 Merkle log whose leaves are the entries' canonical encodings
/// (<see cref="Integrity.JournalLeaf"/>).
/// </summary>
/// <remarks>
/// Contract (tests/Hub.Silo.Tests/Journal/JournalStoreContract.cs checks it for every implementation):
/// <list type="bullet">
/// <item>Versions in a stream start at 1 and have no gaps.</item>
/// <item><see cref="AppendAsync(string, long, IReadOnlyList{PendingEntry}, CancellationToken)"/> writes all of its entries or none, only if the stream is at
/// <c>expectedVersion</c>; otherwise it throws <see cref="JournalConflictException"/>.</item>
/// <item>Blobs given with an append commit with its entries or not at all.</item>
/// <item>When an append returns, the entries are durable (committed and synced): the hub may acknowledge.</item>
/// <item>The store assigns each entry's time before hashing it, and commits each entry's leaf hash and every
/// tree node the append completes in the same transaction as the entries, so proofs cost O(log n) reads.</item>
/// <item>Reads fail closed: <see cref="ReadAsync"/> and <see cref="GetTreeHeadAsync"/> recompute the leaves from the
/// stored fields and check the version chain, the stored tree and the latest stored checkpoint (the stream may not be
/// shorter than it nor inconsistent with it); on any mismatch they raise the tamper alarm and throw
/// <see cref="Integrity.JournalTamperedException"/>. Everything is checked before the first entry is yielded: a read that
/// fails serves nothing.</item>
/// </list>
/// </remarks>
public interface IJournalStore
{
    /// <summary>Appends entries after <paramref name="expectedVersion"/> (0 for a new stream) and returns the new version.</summary>
    Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, CancellationToken ct = default);

    /// <summary>
    /// Appends entries like <see cref="AppendAsync(string, long, IReadOnlyList{PendingEntry}, CancellationToken)"/> and stores
    /// <paramref name="blobs"/> in the same transaction: when it returns both are durable, and when the append is refused
    /// neither is written. Each blob is then found through any entry of this append (<see cref="BlobReference"/>).
    /// </summary>
    /// <remarks>
    /// This is how an event and the bytes it names by digest (sealed envelopes) become durable together in one commit,
    /// so the journal never holds an event whose bytes are missing and a referral costs one commit, not two.
    /// </remarks>
    Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs, CancellationToken ct = default);

    /// <summary>
    /// The bytes of <paramref name="blob"/>, stored by the append that wrote the entry it names, or null when that append
    /// stored no such blob. Bytes whose digest no longer matches are refused.
    /// </summary>
    /// <exception cref="InvalidDataException">The stored bytes do not match their digest.</exception>
    Task<byte[]?> GetBlobAsync(BlobReference blob, CancellationToken ct = default);

    /// <summary>Reads the stream's entries with version greater than <paramref name="afterVersion"/>, in order, verified.</summary>
    /// <remarks>
    /// Entries up to <paramref name="afterVersion"/> are taken on the stored tree's word (a caller reading from a version
    /// has read, and so verified, what came before); a read from 0 recomputes the whole tree from the entries.
    /// </remarks>
    IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterVersion = 0, CancellationToken ct = default);

    /// <summary>The stream's current version; 0 when it has no entries.</summary>
    Task<long> GetVersionAsync(string streamId, CancellationToken ct = default);

    /// <summary>True when the store answers queries.</summary>
    Task<bool> PingAsync(CancellationToken ct = default);

    /// <summary>
    /// The stream's tree head at its current version, verified: the entries after the latest stored checkpoint are
    /// recomputed from their fields and the tree must extend that checkpoint. This is what a new checkpoint may sign.
    /// </summary>
    Task<JournalTreeHead> GetTreeHeadAsync(string streamId, CancellationToken ct = default);

    /// <summary>RFC 9162 inclusion proof of the entry at <paramref name="version"/> in the tree of <paramref name="treeSize"/> entries.</summary>
    /// <remarks>The entry is leaf <c>version - 1</c>. The proof is the concatenation of its 32-byte hashes.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="treeSize"/> exceeds the stream, or the version is not in <c>[1, treeSize]</c>.</exception>
    Task<byte[]> GetInclusionProofAsync(string streamId, long version, long treeSize, CancellationToken ct = default);

    /// <summary>RFC 9162 consistency proof that the tree of <paramref name="fromSize"/> entries is a prefix of the tree of <paramref name="toSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toSize"/> exceeds the stream, or <paramref name="fromSize"/> is not in <c>[0, toSize]</c>.</exception>
    Task<byte[]> GetConsistencyProofAsync(string streamId, long fromSize, long toSize, CancellationToken ct = default);

    /// <summary>
    /// Stores a signed checkpoint, or replaces the note of the stored one of the same size (to add cosignatures).
    /// The store checks the root against its own tree at that size and refuses a new size below the latest checkpoint's
    /// (an existing one may get its note replaced); it does not check signatures (the checkpoint service does).
    /// </summary>
    /// <exception cref="InvalidOperationException">The root is not the stream's root at that size, or the size goes backwards.</exception>
    Task SaveCheckpointAsync(JournalCheckpoint checkpoint, CancellationToken ct = default);

    /// <summary>The stored checkpoint of <paramref name="treeSize"/>, or the latest one when it is null; null when there is none.</summary>
    Task<JournalCheckpoint?> GetCheckpointAsync(string streamId, long? treeSize = null, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="limit"/> streams, in ordinal order after <paramref name="afterStreamId"/>, whose version is beyond
    /// their latest stored checkpoint (streams never checkpointed included): what a periodic signer has to sign.
    /// </summary>
    Task<IReadOnlyList<string>> ListStreamsToCheckpointAsync(string? afterStreamId, int limit, CancellationToken ct = default);
}

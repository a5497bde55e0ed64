namespace Hub.Silo.Envelopes;

/// <summary>
/// Content-addressed storage for the opaque bytes of sealed messages (age headers and payloads).
/// Kept apart from the journal so that folding a case's stream never loads its envelopes; the journal
/// entries carry the SHA-256 digests that name them.
/// </summary>
public interface IEnvelopeStore
{
    /// <summary>Stores the bytes under their SHA-256 digest (lower-case hex) durably and returns the digest. Storing the same bytes twice is a no-op.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default);

    /// <summary>The bytes stored under <paramref name="digest"/>, or null. Bytes whose digest no longer matches are refused.</summary>
    Task<byte[]?> GetAsync(string digest, CancellationToken ct = default);
}

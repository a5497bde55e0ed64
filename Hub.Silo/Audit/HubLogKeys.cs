using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Silo.Audit;

/// <summary>
/// The hub's checkpoint keys: the current log key that signs, the previous keys still trusted during a
/// rotation, and the witnesses whose cosignatures the hub accepts. Also names every stream's origin.
/// </summary>
public sealed class HubLogKeys : ICheckpointAuthenticator, IDisposable
{
    private readonly Key _key;

    /// <param name="key">The current log key; this object owns and disposes it.</param>
    /// <param name="keyName">The note key name, <c>&lt;origin prefix&gt;/&lt;cluster id&gt;</c>.</param>
    /// <param name="previousKeys">Verifier keys of earlier log keys still trusted.</param>
    /// <param name="witnesses">Cosignature verifier keys of trusted witnesses.</param>
    /// <exception cref="ArgumentException">A previous key or witness key is not a canonical Ed25519 vkey of its type.</exception>
    public HubLogKeys(Key key, string keyName, IEnumerable<string> previousKeys, IEnumerable<string> witnesses)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(previousKeys);
        ArgumentNullException.ThrowIfNull(witnesses);
        _key = key;
        Signer = new Ed25519NoteSigner(keyName, key);
        Current = Signer.Verifier;
        Previous = previousKeys
            .Select(v => Ed25519NoteVerifier.TryParse(v, out var verifier) ? verifier : throw new ArgumentException($"'{v}' is not an Ed25519 note verifier key.", nameof(previousKeys)))
            .Where(v => v.KeyId != Current.KeyId || v.Name != Current.Name)
            .ToList()
            .AsReadOnly();
        Witnesses = witnesses
            .Select(v => Ed25519CosignatureVerifier.TryParse(v, out var verifier) ? verifier : throw new ArgumentException($"'{v}' is not a cosignature verifier key.", nameof(witnesses)))
            .ToList()
            .AsReadOnly();
    }

    /// <summary>The origin prefix and cluster id, <c>hub.example/&lt;cluster id&gt;</c>: the key name and the start of every origin.</summary>
    public string KeyName => Signer.Name;

    /// <summary>Signs new checkpoints.</summary>
    public Ed25519NoteSigner Signer { get; }

    /// <summary>Verifies checkpoints of the current key.</summary>
    public Ed25519NoteVerifier Current { get; }

    /// <summary>Verifiers of earlier keys still trusted (rotation overlap).</summary>
    public IReadOnlyList<Ed25519NoteVerifier> Previous { get; }

    /// <summary>Trusted witnesses.</summary>
    public IReadOnlyList<Ed25519CosignatureVerifier> Witnesses { get; }

    /// <summary>The checkpoint origin of a stream: <c>&lt;key name&gt;/&lt;stream id&gt;</c>.</summary>
    public string OriginOf(string streamId) => $"{KeyName}/{streamId}";

    /// <summary>Opens a signed checkpoint of <paramref name="streamId"/> with the current or a previous key.</summary>
    public bool TryOpen(string signedNote, string streamId, out Checkpoint? checkpoint)
    {
        var origin = OriginOf(streamId);
        foreach (var key in Previous.Prepend(Current))
        {
            if (Checkpoint.TryOpen(signedNote, origin, key, out checkpoint))
            {
                return true;
            }
        }

        checkpoint = null;
        return false;
    }

    /// <inheritdoc />
    public bool IsAuthentic(JournalCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return TryOpen(checkpoint.SignedNote, checkpoint.StreamId, out var opened)
            && opened!.Size == checkpoint.TreeSize
            && opened.RootHash.Span.SequenceEqual(checkpoint.RootHash.Span);
    }

    public void Dispose() => _key.Dispose();
}

using Hub.Client.Api;
using Hub.Client.Wire;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Client.Tests.Audit.Witnessing;

/// <summary>
/// A hub in memory that signs real checkpoints over real Merkle logs and can misbehave on request: serve a different
/// history (fork), cut the log (rollback), sign with a key nobody pinned, or hand out a wrong consistency proof.
/// </summary>
internal sealed class ForkingHub : IAuditLogSource, IDisposable
{
    public const string KeyName = "hub.test/hub-dev";

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _otherKey = Key.Create(SignatureAlgorithm.Ed25519);
    private InMemoryMerkleLog _log = new();
    private readonly List<byte[]> _entries = [];

    public ForkingHub()
    {
        Signer = new Ed25519NoteSigner(KeyName, _key);
    }

    public Ed25519NoteSigner Signer { get; }

    public Ed25519NoteVerifier PinnedKey => Signer.Verifier;

    /// <summary>Sign checkpoints with a key the witness did not pin.</summary>
    public bool SignWithOtherKey { get; set; }

    /// <summary>Sign checkpoints as if they were of this stream instead of the one asked for.</summary>
    public string? ClaimStream { get; set; }

    /// <summary>Flip a bit in every consistency proof served.</summary>
    public bool CorruptProofs { get; set; }

    /// <summary>Cosignatures the witness handed in, as stored notes.</summary>
    public List<string> Cosigned { get; } = [];

    public int ProofsServed { get; private set; }

    /// <summary>Serve the last cosigned note (as the real hub does once it stored a cosignature) while the log is unchanged.</summary>
    public bool ServeCosigned { get; set; }

    public void Append(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var entry = System.Text.Encoding.UTF8.GetBytes($"entry {_entries.Count} {Guid.NewGuid()}");
            _entries.Add(entry);
            _log.AppendEntry(entry);
        }
    }

    /// <summary>Rebuilds the log from the first <paramref name="keep"/> entries, then appends different ones: a second history.</summary>
    public void Fork(int keep, int newEntries)
    {
        var kept = _entries.Take(keep).ToList();
        _entries.Clear();
        _log = new InMemoryMerkleLog();
        foreach (var entry in kept)
        {
            _entries.Add(entry);
            _log.AppendEntry(entry);
        }

        Append(newEntries);
    }

    /// <summary>Cuts the log to its first <paramref name="keep"/> entries.</summary>
    public void Truncate(int keep) => Fork(keep, 0);

    public Task<AuditCheckpoint> GetCheckpointAsync(AuditScope scope, CancellationToken ct = default)
    {
        var origin = $"{KeyName}/{ClaimStream ?? scope.StreamId}";
        var root = _log.GetRoot();
        if (ServeCosigned && Cosigned.Count > 0)
        {
            return Task.FromResult(new AuditCheckpoint(origin, _log.LeafCount, root, Cosigned[^1]));
        }

        var signer = SignWithOtherKey ? new Ed25519NoteSigner(KeyName, _otherKey) : Signer;
        var note = new Checkpoint(origin, _log.LeafCount, root).Sign(signer).Format();
        return Task.FromResult(new AuditCheckpoint(origin, _log.LeafCount, root, note));
    }

    public Task<AuditProof> GetConsistencyProofAsync(AuditScope scope, long fromSize, long toSize, CancellationToken ct = default)
    {
        ProofsServed++;
        var proof = MerkleProofBuilder.BuildConsistencyProof(_log, fromSize, toSize);
        if (CorruptProofs && proof.Length > 0)
        {
            proof[0] ^= 0x01;
        }

        return Task.FromResult(new AuditProof(fromSize, toSize, [.. proof.Chunk(MerkleHash.Size)]));
    }

    public Task<AuditCheckpoint> AddCosignatureAsync(AuditScope scope, string cosignedNote, CancellationToken ct = default)
    {
        Cosigned.Add(cosignedNote);
        Assert.True(SignedNote.TryParse(cosignedNote, out var note));
        Assert.True(Checkpoint.TryParse(note.Text, out var checkpoint));
        return Task.FromResult(new AuditCheckpoint(checkpoint.Origin, checkpoint.Size, checkpoint.RootHash.ToArray(), cosignedNote));
    }

    public static Ed25519CosignatureSigner Witness(Key key) => new("witness.nl-police.test", key, TimeProvider.System);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }
}

using Hub.Transparency.Checkpoints;
using Hub.Transparency.Entries;
using Hub.Transparency.Merkle;
using NSec.Cryptography;

namespace Hub.Transparency.Tests;

/// <summary>The flow the silo and the client SDK will run: append entries, sign, witness, prove, verify offline.</summary>
public sealed class EndToEndAuditTests
{
    [Fact]
    public void ClientVerifiesInclusionAndConsistencyAgainstWitnessedCheckpoints()
    {
        const string origin = "hub.example/log/case/2c9a";
        using var hubKey = Key.Create(SignatureAlgorithm.Ed25519);
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var hub = new Checkpoints.CheckpointSigningFixture(hubKey, witnessKey);

        // Silo side: each journal entry goes through the canonical encoding into the stream's log.
        var log = new InMemoryMerkleLog();
        var entries = Enumerable.Range(0, 37)
            .Select(i => new LogEntry("case/2c9a", i, i % 2 == 0 ? "ReferralSubmitted" : "EnvelopeFetched", 1_700_000_000_000 + i, [(byte)i]))
            .ToList();
        foreach (var entry in entries.Take(20))
        {
            log.AppendLeafHash(LogEntryEncoding.ComputeLeafHash(entry));
        }
        var old = hub.SignAndWitness(new Checkpoint(origin, log.LeafCount, log.GetRoot()));
        foreach (var entry in entries.Skip(20))
        {
            log.AppendLeafHash(LogEntryEncoding.ComputeLeafHash(entry));
        }
        var current = hub.SignAndWitness(new Checkpoint(origin, log.LeafCount, log.GetRoot()));

        // Client side: open both checkpoints with the pinned keys, then check the proofs the hub serves.
        Assert.True(Checkpoint.TryOpen(old, origin, hub.LogVerifier, [hub.WitnessVerifier], 1, out var oldCheckpoint));
        Assert.True(Checkpoint.TryOpen(current, origin, hub.LogVerifier, [hub.WitnessVerifier], 1, out var newCheckpoint));

        var consistency = MerkleProofBuilder.BuildConsistencyProof(log, oldCheckpoint.Size, newCheckpoint.Size);
        Assert.True(MerkleProofVerifier.VerifyConsistency(
            oldCheckpoint.Size, newCheckpoint.Size, oldCheckpoint.RootHash.Span, newCheckpoint.RootHash.Span, consistency));

        var fetched = entries[11];
        var inclusion = MerkleProofBuilder.BuildInclusionProof(log, fetched.Version, newCheckpoint.Size);
        Assert.True(MerkleProofVerifier.VerifyInclusion(
            LogEntryEncoding.ComputeLeafHash(fetched), fetched.Version, newCheckpoint.Size, inclusion, newCheckpoint.RootHash.Span));

        // A row altered in the database no longer matches the signed root.
        var altered = new LogEntry(fetched.StreamId, fetched.Version, fetched.Type, fetched.RecordedAtUnixMs, [0xff]);
        Assert.False(MerkleProofVerifier.VerifyInclusion(
            LogEntryEncoding.ComputeLeafHash(altered), fetched.Version, newCheckpoint.Size, inclusion, newCheckpoint.RootHash.Span));
    }
}

using Hub.Silo.Audit;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;
using Microsoft.Extensions.Logging.Abstractions;
using NSec.Cryptography;

namespace Hub.Silo.Tests.Audit;

public sealed class CheckpointServiceTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Stream = "case/checkpoints";

    private readonly AuditTestBed _bed = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-rotation-").FullName;

    private string Origin => _bed.Checkpoints.OriginOf(Stream);

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncDisposable)this).DisposeAsync().AsTask();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await _bed.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Ed25519NoteVerifier PublishedKey(string vkey) =>
        Ed25519NoteVerifier.TryParse(vkey, out var verifier) ? verifier : throw new InvalidOperationException("not a vkey");

    [Fact]
    public async Task ASignedCheckpointOpensWithThePublishedKeyAndStatesTheStreamsRoot()
    {
        await _bed.AppendAsync(Stream, 6);

        var signed = await _bed.Checkpoints.SignCheckpointAsync(Stream);

        Assert.Equal($"{AuditTestBed.KeyName}/{Stream}", signed.Origin);
        Assert.True(Checkpoint.TryOpen(signed.SignedNote, Origin, PublishedKey(_bed.Checkpoints.PublishedKeys[0]), out var opened));
        Assert.Equal(6, opened.Size);
        Assert.Equal((await _bed.Store.GetTreeHeadAsync(Stream)).RootHash.ToArray(), opened.RootHash.ToArray());
    }

    [Fact]
    public async Task ConcurrentSigningAndCosigningNeitherFailNorLoseAWitnessLine()
    {
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var witness = new Ed25519CosignatureSigner("witness.police.example", witnessKey, TimeProvider.System);
        await using var bed = new AuditTestBed(witnesses: [witness.Verifier.VerifierKey]);
        await bed.AppendAsync(Stream, 3);
        var signed = await bed.Checkpoints.SignCheckpointAsync(Stream);

        // Many on-demand signings of the same (unchanged) tree racing one cosignature, as periodic and on-demand
        // signing do in a running hub: the stored note must end up with the witness's line.
        var racers = Enumerable.Range(0, 32).Select(_ => Task.Run(() => bed.Checkpoints.SignCheckpointAsync(Stream))).ToList();
        var cosigned = await bed.Checkpoints.AddCosignatureAsync(Stream, Cosign(signed.SignedNote, witness));
        await Task.WhenAll(racers);
        // The stream's single writer grows it while on-demand signers race each other to ever larger sizes.
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                await bed.AppendAsync(Stream, 1, $"grow-{i}");
            }
        });
        var signers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var seen = new List<SignedCheckpoint>();
            while (!writer.IsCompleted)
            {
                seen.Add(await bed.Checkpoints.SignCheckpointAsync(Stream));
            }

            return seen;
        })).ToList();
        await writer;
        var rounds = await Task.WhenAll(signers);

        Assert.Equal(CosignatureOutcome.Added, cosigned.Outcome);
        var atThree = await bed.Store.GetCheckpointAsync(Stream, 3);
        Assert.True(Checkpoint.TryOpen(atThree!.SignedNote, bed.Checkpoints.OriginOf(Stream), bed.Keys.Current, [witness.Verifier], 1, out _));
        Assert.Equal(11, (await bed.Checkpoints.SignCheckpointAsync(Stream)).TreeSize);
        Assert.All(rounds, seen => Assert.Equal(seen.Select(c => c.TreeSize).Order(), seen.Select(c => c.TreeSize)));
    }

    [Fact]
    public async Task TwoSignersOfTheSameGrowthDoNotDropACosignatureAddedBetweenThem()
    {
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var witness = new Ed25519CosignatureSigner("witness.police.example", witnessKey, TimeProvider.System);
        await using var bed = new AuditTestBed(witnesses: [witness.Verifier.VerifierKey]);
        using var journal = new PausingCheckpointJournal(bed.Store);
        using var service = new CheckpointService(journal, bed.Keys, bed.Alarm, NullLogger<CheckpointService>.Instance);
        await bed.AppendAsync(Stream, 3);
        await service.SignCheckpointAsync(Stream);
        await bed.AppendAsync(Stream, 1);

        // The periodic signer reaches its save of size 4 and is held there; an on-demand signing of the same growth
        // starts meanwhile. Unserialized, it would read the old checkpoint too and save size 4 again after the
        // witness had cosigned it, dropping the witness's line.
        journal.Pausing = true;
        var periodic = service.SignCheckpointAsync(Stream);
        Assert.True(await journal.ArrivedAsync(TimeSpan.FromSeconds(30)));
        var onDemand = Task.Run(() => service.SignCheckpointAsync(Stream));
        var secondHeld = await journal.ArrivedAsync(TimeSpan.FromMilliseconds(500));
        journal.Release();
        var signed = await periodic;
        journal.Pausing = false;
        var cosigning = service.AddCosignatureAsync(Stream, Cosign(signed.SignedNote, witness));
        if (secondHeld)
        {
            journal.Release();
        }

        await onDemand;
        Assert.Equal(CosignatureOutcome.Added, (await cosigning).Outcome);
        Assert.False(secondHeld, "the second signer read the checkpoint while the first was saving");
        var stored = await service.GetCheckpointAsync(Stream);
        Assert.Equal(4, stored!.TreeSize);
        Assert.True(Checkpoint.TryOpen(stored.SignedNote, service.OriginOf(Stream), bed.Keys.Current, [witness.Verifier], 1, out _));
    }

    [Fact]
    public async Task ProofsFromTheServiceVerifyAgainstTwoSignedCheckpoints()
    {
        await _bed.AppendAsync(Stream, 5);
        var first = await _bed.Checkpoints.SignCheckpointAsync(Stream);
        await _bed.AppendAsync(Stream, 6);
        var second = await _bed.Checkpoints.SignCheckpointAsync(Stream);
        var key = PublishedKey(_bed.Checkpoints.PublishedKeys[0]);
        Assert.True(Checkpoint.TryOpen(first.SignedNote, Origin, key, out var old));
        Assert.True(Checkpoint.TryOpen(second.SignedNote, Origin, key, out var current));

        var consistency = await _bed.Checkpoints.GetConsistencyProofAsync(Stream, old.Size, current.Size);
        var entry = (await _bed.ReadAllAsync(Stream))[2];
        var inclusion = await _bed.Checkpoints.GetInclusionProofAsync(Stream, entry.Version, current.Size);

        Assert.True(MerkleProofVerifier.VerifyConsistency(5, 11, old.RootHash.Span, current.RootHash.Span, consistency));
        Assert.True(MerkleProofVerifier.VerifyInclusion(JournalLeaf.ComputeHash(entry), entry.Version - 1, 11, inclusion, current.RootHash.Span));
    }

    [Fact]
    public async Task SigningAgainWithNothingAppendedKeepsTheCheckpoint()
    {
        await _bed.AppendAsync(Stream, 3);
        var first = await _bed.Checkpoints.SignCheckpointAsync(Stream);

        var again = await _bed.Checkpoints.SignCheckpointAsync(Stream);

        Assert.Equal(first.SignedNote, again.SignedNote);
        Assert.Equal(first.SignedNote, (await _bed.Checkpoints.GetCheckpointAsync(Stream))!.SignedNote);
    }

    [Fact]
    public async Task ThePeriodicSignerChecksPointsOnlyTheStreamsThatChanged()
    {
        var signer = new PeriodicCheckpointSigner(_bed.Store, _bed.Checkpoints, new AuditOptions(), TimeProvider.System, NullLogger<PeriodicCheckpointSigner>.Instance);
        await _bed.AppendAsync("case/a", 2);
        await _bed.AppendAsync("case/b", 3);

        Assert.Equal(2, await signer.SignChangedStreamsAsync(CancellationToken.None));
        Assert.Equal(0, await signer.SignChangedStreamsAsync(CancellationToken.None));
        await _bed.AppendAsync("case/b", 1);
        Assert.Equal(1, await signer.SignChangedStreamsAsync(CancellationToken.None));
        Assert.Equal(4, (await _bed.Checkpoints.GetCheckpointAsync("case/b"))!.TreeSize);
    }

    [Fact]
    public async Task ATrustedWitnessCosignatureIsStoredAndMeetsAQuorum()
    {
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var witness = new Ed25519CosignatureSigner("witness.police.example", witnessKey, TimeProvider.System);
        await using var bed = new AuditTestBed(witnesses: [witness.Verifier.VerifierKey]);
        await bed.AppendAsync(Stream, 4);
        var signed = await bed.Checkpoints.SignCheckpointAsync(Stream);

        var result = await bed.Checkpoints.AddCosignatureAsync(Stream, Cosign(signed.SignedNote, witness));

        Assert.Equal(CosignatureOutcome.Added, result.Outcome);
        var stored = (await bed.Checkpoints.GetCheckpointAsync(Stream))!.SignedNote;
        Assert.True(Checkpoint.TryOpen(stored, bed.Checkpoints.OriginOf(Stream), bed.Keys.Current, [witness.Verifier], 1, out _));
        Assert.Equal(4, (await bed.ReadAllAsync(Stream)).Count);
    }

    [Fact]
    public async Task CosignaturesFromUnknownWitnessesOrOfForeignCheckpointsAreRefused()
    {
        using var strangerKey = Key.Create(SignatureAlgorithm.Ed25519);
        var stranger = new Ed25519CosignatureSigner("stranger.example", strangerKey, TimeProvider.System);
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var witness = new Ed25519CosignatureSigner("witness.example", witnessKey, TimeProvider.System);
        await using var bed = new AuditTestBed(witnesses: [witness.Verifier.VerifierKey]);
        await bed.AppendAsync(Stream, 2);
        var signed = await bed.Checkpoints.SignCheckpointAsync(Stream);
        using var otherHub = Key.Create(SignatureAlgorithm.Ed25519);
        var forgedNote = new Checkpoint(bed.Checkpoints.OriginOf(Stream), 2, new byte[32]).Sign(new Ed25519NoteSigner(AuditTestBed.KeyName, otherHub)).Format();

        Assert.Equal(CosignatureOutcome.Untrusted, (await bed.Checkpoints.AddCosignatureAsync(Stream, Cosign(signed.SignedNote, stranger))).Outcome);
        Assert.Equal(CosignatureOutcome.Malformed, (await bed.Checkpoints.AddCosignatureAsync(Stream, "not a note")).Outcome);
        Assert.Equal(CosignatureOutcome.Malformed, (await bed.Checkpoints.AddCosignatureAsync(Stream, Cosign(forgedNote, witness))).Outcome);
        Assert.Equal(CosignatureOutcome.Malformed, (await bed.Checkpoints.AddCosignatureAsync("case/other", Cosign(signed.SignedNote, witness))).Outcome);
        Assert.Equal(signed.SignedNote, (await bed.Checkpoints.GetCheckpointAsync(Stream))!.SignedNote);
    }

    [Fact]
    public async Task AfterARotationCheckpointsOfThePreviousKeyStillVerifyAndNewOnesUseTheNewKey()
    {
        var oldKey = Key.Create(SignatureAlgorithm.Ed25519); // the first test bed owns and disposes it
        var oldVkey = new Ed25519NoteSigner(AuditTestBed.KeyName, oldKey).Verifier.VerifierKey;
        var path = Path.Combine(_directory, "rotated.db");
        string oldNote;
        await using (var before = new AuditTestBed(key: oldKey, path: path))
        {
            await before.AppendAsync(Stream, 3);
            oldNote = (await before.Checkpoints.SignCheckpointAsync(Stream)).SignedNote;
        }

        await using var after = new AuditTestBed(previousKeys: [oldVkey], path: path);
        await after.AppendAsync(Stream, 2);
        var newNote = (await after.Checkpoints.SignCheckpointAsync(Stream)).SignedNote;

        Assert.Equal([after.Keys.Current.VerifierKey, oldVkey], after.Checkpoints.PublishedKeys);
        Assert.True(Checkpoint.TryOpen(oldNote, after.Checkpoints.OriginOf(Stream), PublishedKey(after.Checkpoints.PublishedKeys[1]), out _));
        Assert.True(Checkpoint.TryOpen(newNote, after.Checkpoints.OriginOf(Stream), PublishedKey(after.Checkpoints.PublishedKeys[0]), out var current));
        Assert.False(Checkpoint.TryOpen(newNote, after.Checkpoints.OriginOf(Stream), PublishedKey(oldVkey), out _));
        Assert.Equal(5, current.Size);
    }

    [Fact]
    public async Task DroppingTheOldKeyWithoutOverlapMakesItsCheckpointsUntrustedAndReadsFailClosed()
    {
        var path = Path.Combine(_directory, "dropped.db");
        await using (var before = new AuditTestBed(path: path))
        {
            await before.AppendAsync(Stream, 3);
            await before.Checkpoints.SignCheckpointAsync(Stream);
        }

        await using var after = new AuditTestBed(path: path);

        await after.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.CheckpointSignature);
        await Assert.ThrowsAsync<JournalTamperedException>(() => after.Checkpoints.GetCheckpointAsync(Stream));
    }

    private static string Cosign(string signedNote, NoteSigner witness)
    {
        Assert.True(SignedNote.TryParse(signedNote, out var note));
        var cosignature = witness.Sign(System.Text.Encoding.UTF8.GetBytes(note.Text));
        return new SignedNote(note.Text, [.. note.Signatures, cosignature]).Format();
    }
}

using Hub.Client.Api;
using Hub.Client.Audit.Witnessing;
using Hub.Transparency.Checkpoints;
using NSec.Cryptography;

namespace Hub.Client.Tests.Audit.Witnessing;

public sealed class LogWitnessTests : IDisposable
{
    private static readonly AuditScope KeyDirectory = AuditScope.Agency("be-hotline");

    private readonly string _directory = Directory.CreateTempSubdirectory("hub-witness-").FullName;
    private readonly ForkingHub _hub = new();

    private string MemoryPath => Path.Combine(_directory, "witness.json");

    [Fact]
    public async Task AGrowingLogIsFirstSeenThenExtendedThenUnchanged()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory);
        _hub.Append(5);

        var first = await witness.WitnessAsync(KeyDirectory);
        _hub.Append(8);
        var second = await witness.WitnessAsync(KeyDirectory);
        var third = await witness.WitnessAsync(KeyDirectory);

        Assert.Equal(WitnessOutcome.FirstSeen, first.Outcome);
        Assert.Equal(WitnessOutcome.Extended, second.Outcome);
        Assert.Equal(5, second.Previous!.TreeSize);
        Assert.Equal(13, second.Current.TreeSize);
        Assert.Equal(WitnessOutcome.Unchanged, third.Outcome);
        Assert.Equal(1, _hub.ProofsServed);
        Assert.False(first.Cosigned);
    }

    [Fact]
    public async Task TheMemorySurvivesTheProcessAndIsOwnerOnly()
    {
        _hub.Append(3);
        using (var memory = new FileWitnessMemory(MemoryPath))
        {
            await new LogWitness(_hub, [_hub.PinnedKey], memory).WitnessAsync(KeyDirectory);
        }

        _hub.Fork(keep: 1, newEntries: 2);
        using var reopened = new FileWitnessMemory(MemoryPath);
        var failure = await Assert.ThrowsAsync<WitnessException>(() => new LogWitness(_hub, [_hub.PinnedKey], reopened).WitnessAsync(KeyDirectory));

        Assert.Equal(WitnessFailure.Fork, failure.Failure);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(MemoryPath));
        }
    }

    [Fact]
    public async Task ASecondHistoryOfTheSameSizeIsAForkWithBothSignedNotesAsEvidence()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory);
        _hub.Append(4);
        var seen = await witness.WitnessAsync(KeyDirectory);

        _hub.Fork(keep: 2, newEntries: 2);
        var failure = await Assert.ThrowsAsync<WitnessException>(() => witness.WitnessAsync(KeyDirectory));

        Assert.Equal(WitnessFailure.Fork, failure.Failure);
        Assert.Equal(seen.Current.Note, failure.Remembered!.Note);
        Assert.True(Checkpoint.TryOpen(failure.Remembered.Note, seen.Current.Origin, _hub.PinnedKey, out var before));
        Assert.True(Checkpoint.TryOpen(failure.ServedNote, seen.Current.Origin, _hub.PinnedKey, out var after));
        Assert.Equal(before.Size, after.Size);
        Assert.False(before.RootHash.Span.SequenceEqual(after.RootHash.Span));
        Assert.Equal(seen.Current.Note, (await memory.RecallAsync(seen.Current.Origin))!.Note);
    }

    [Fact]
    public async Task ALargerTreeThatRewroteThePastIsAFork()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory);
        _hub.Append(6);
        await witness.WitnessAsync(KeyDirectory);

        _hub.Fork(keep: 5, newEntries: 10);
        var failure = await Assert.ThrowsAsync<WitnessException>(() => witness.WitnessAsync(KeyDirectory));

        Assert.Equal(WitnessFailure.Fork, failure.Failure);
        Assert.Equal(6, (await memory.RecallAsync(failure.Remembered!.Origin))!.TreeSize);
    }

    [Fact]
    public async Task ACutLogIsARollback()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory);
        _hub.Append(7);
        await witness.WitnessAsync(KeyDirectory);

        _hub.Truncate(4);
        var failure = await Assert.ThrowsAsync<WitnessException>(() => witness.WitnessAsync(KeyDirectory));

        Assert.Equal(WitnessFailure.Rollback, failure.Failure);
    }

    [Fact]
    public async Task AWrongConsistencyProofIsRefused()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory);
        _hub.Append(3);
        await witness.WitnessAsync(KeyDirectory);

        _hub.Append(9);
        _hub.CorruptProofs = true;
        var failure = await Assert.ThrowsAsync<WitnessException>(() => witness.WitnessAsync(KeyDirectory));

        Assert.Equal(WitnessFailure.Fork, failure.Failure);
        Assert.Equal(3, (await memory.RecallAsync(failure.Remembered!.Origin))!.TreeSize);
    }

    [Fact]
    public async Task ACheckpointByAnUnpinnedKeyOrOfAnotherStreamIsRefused()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory);
        _hub.Append(2);

        _hub.SignWithOtherKey = true;
        var unpinned = await Assert.ThrowsAsync<WitnessException>(() => witness.WitnessAsync(KeyDirectory));
        _hub.SignWithOtherKey = false;
        _hub.ClaimStream = "agency/nl-hotline";
        var elsewhere = await Assert.ThrowsAsync<WitnessException>(() => witness.WitnessAsync(KeyDirectory));

        Assert.Equal(WitnessFailure.BadSignature, unpinned.Failure);
        Assert.Equal(WitnessFailure.BadSignature, elsewhere.Failure);
        Assert.False(File.Exists(MemoryPath));
    }

    [Fact]
    public async Task AWitnessWithAKeyCosignsExactlyTheCheckpointItVerified()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var cosigner = ForkingHub.Witness(witnessKey);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory, cosigner);
        _hub.Append(4);

        var report = await witness.WitnessAsync(KeyDirectory);

        Assert.True(report.Cosigned);
        var cosigned = Assert.Single(_hub.Cosigned);
        Assert.True(Checkpoint.TryOpen(cosigned, report.Current.Origin, _hub.PinnedKey, [cosigner.Verifier], 1, out var opened));
        Assert.Equal(report.Current.TreeSize, opened.Size);
    }

    [Fact]
    public async Task ACheckpointServedBackWithTheWitnessesLineIsNotCosignedAgain()
    {
        using var memory = new FileWitnessMemory(MemoryPath);
        using var witnessKey = Key.Create(SignatureAlgorithm.Ed25519);
        var witness = new LogWitness(_hub, [_hub.PinnedKey], memory, ForkingHub.Witness(witnessKey));
        _hub.Append(4);
        await witness.WitnessAsync(KeyDirectory);
        _hub.ServeCosigned = true;

        var again = await witness.WitnessAsync(KeyDirectory);

        Assert.True(again.Cosigned);
        Assert.Single(_hub.Cosigned);
    }

    [Fact]
    public void AWitnessNeedsAPinnedKey() =>
        Assert.Throws<ArgumentException>(() => new LogWitness(_hub, [], new FileWitnessMemory(MemoryPath)));

    public void Dispose()
    {
        _hub.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

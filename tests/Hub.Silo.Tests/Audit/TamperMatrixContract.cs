using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Tests.Audit;

/// <summary>
/// Edits to a real journal made with plain SQL behind the hub's back: every one is detected on read, which fails
/// closed and serves nothing. The stream has 10 entries and a checkpoint the hub signed at 8. Each store's test
/// class derives from this and says where its journal lives.
/// </summary>
public abstract class TamperMatrixContract : IAsyncLifetime, IAsyncDisposable
{
    private const string Stream = "case/tamper-matrix";

    private AuditTestBed _bed = null!;

    /// <summary>A new, empty journal of the store under test.</summary>
    protected abstract Task<JournalBackend> CreateJournalAsync();

    public async Task InitializeAsync()
    {
        _bed = new AuditTestBed(await CreateJournalAsync());
        await _bed.AppendAsync(Stream, 8);
        await _bed.Checkpoints.SignCheckpointAsync(Stream);
        await _bed.AppendAsync(Stream, 2);
        Assert.Equal(10, (await _bed.ReadAllAsync(Stream)).Count);
    }

    Task IAsyncLifetime.DisposeAsync() => _bed?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AnEditedPayloadIsDetected()
    {
        await _bed.TamperAsync("UPDATE journal_entries SET payload = @p WHERE stream_id = @s AND version = 3", ("@p", "forged"u8.ToArray()), ("@s", Stream));

        var refused = await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.LeafHash);

        Assert.Equal(3, refused.Version);
    }

    [Fact]
    public async Task AnEditedRecordedTimeIsDetected()
    {
        await _bed.TamperAsync("UPDATE journal_entries SET recorded_at = recorded_at - 86400000 WHERE stream_id = @s AND version = 9", ("@s", Stream));

        await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.LeafHash);
    }

    [Fact]
    public async Task AnEditedPayloadWithARecomputedLeafHashIsDetectedByTheTreeRoot()
    {
        var forged = "forged"u8.ToArray();
        var entry = (await _bed.ReadAllAsync(Stream))[2] with { Payload = forged };
        await _bed.TamperAsync(
            "UPDATE journal_entries SET payload = @p, leaf_hash = @l WHERE stream_id = @s AND version = 3",
            ("@p", forged), ("@l", JournalLeaf.ComputeHash(entry)), ("@s", Stream));

        await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.TreeRoot);
    }

    [Fact]
    public async Task TwoEntriesSwappedInOrderAreDetected()
    {
        await _bed.TamperAsync(
            """
            UPDATE journal_entries SET version = -1 WHERE stream_id = @s AND version = 4;
            UPDATE journal_entries SET version = 4 WHERE stream_id = @s AND version = 5;
            UPDATE journal_entries SET version = 5 WHERE stream_id = @s AND version = -1;
            """,
            ("@s", Stream));

        var refused = await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.LeafHash);

        Assert.Equal(4, refused.Version);
    }

    [Fact]
    public async Task ADeletedEntryIsDetected()
    {
        await _bed.TamperAsync("DELETE FROM journal_entries WHERE stream_id = @s AND version = 6", ("@s", Stream));

        var refused = await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.VersionChain);

        Assert.Equal(6, refused.Version);
    }

    [Fact]
    public async Task ATailCutWithItsNodesIsDetectedAgainstTheLargerSignedCheckpoint()
    {
        // Entries 8..10 and every node that covers them go: what is left is a well-formed tree of 7 entries.
        await _bed.Checkpoints.SignCheckpointAsync(Stream);
        await _bed.TamperAsync(
            """
            DELETE FROM journal_entries WHERE stream_id = @s AND version > 7;
            DELETE FROM journal_nodes WHERE stream_id = @s AND ((idx + 1) << level) > 7;
            """,
            ("@s", Stream));

        var refused = await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.CheckpointTruncated);

        Assert.Equal(7, refused.Version);
        await Assert.ThrowsAsync<JournalTamperedException>(() => _bed.Store.GetTreeHeadAsync(Stream));
    }

    [Fact]
    public async Task AStreamReplacedByAValidLookingForkIsDetectedAsInconsistentWithTheSignedCheckpoint()
    {
        await ReplaceWithForkAsync();

        await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.CheckpointInconsistent);
        await Assert.ThrowsAsync<JournalTamperedException>(() => _bed.Checkpoints.SignCheckpointAsync(Stream));
    }

    [Fact]
    public async Task AForkWhoseCheckpointRowIsRewrittenToMatchIsDetectedByTheCheckpointSignature()
    {
        var forkRoot = await ReplaceWithForkAsync();
        await _bed.TamperAsync("UPDATE journal_checkpoints SET root_hash = @r WHERE stream_id = @s", ("@r", forkRoot), ("@s", Stream));

        await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.CheckpointSignature);
    }

    [Fact]
    public async Task EditsAfterTheLastCheckpointAreDetectedBeforeANewCheckpointSignsThem()
    {
        await _bed.TamperAsync("UPDATE journal_entries SET payload = @p WHERE stream_id = @s AND version = 10", ("@p", "forged"u8.ToArray()), ("@s", Stream));

        var refused = await Assert.ThrowsAsync<JournalTamperedException>(() => _bed.Checkpoints.SignCheckpointAsync(Stream));

        Assert.Equal(JournalIntegrityCheck.LeafHash, refused.Check);
        Assert.Equal(8, (await _bed.Store.GetCheckpointAsync(Stream))!.TreeSize);
    }

    [Fact]
    public async Task DetectionIsCountedAndLoggedAsAnErrorWithoutPayloadBytes()
    {
        await _bed.TamperAsync("UPDATE journal_entries SET payload = @p WHERE stream_id = @s AND version = 2", ("@p", "forged"u8.ToArray()), ("@s", Stream));

        await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.LeafHash);

        Assert.Equal(1, _bed.TamperCount);
        var line = Assert.Single(_bed.LogLines);
        Assert.StartsWith("Error:", line, StringComparison.Ordinal);
        Assert.Contains(Stream, line, StringComparison.Ordinal);
        Assert.DoesNotContain("payload", line, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUntouchedStreamBesideATamperedOneStillReads()
    {
        await _bed.AppendAsync("case/untouched", 5);
        await _bed.TamperAsync("DELETE FROM journal_entries WHERE stream_id = @s AND version = 1", ("@s", Stream));

        await _bed.AssertReadRefusedAsync(Stream, JournalIntegrityCheck.VersionChain);
        Assert.Equal(5, (await _bed.ReadAllAsync("case/untouched")).Count);
    }

    /// <summary>
    /// Rebuilds the stream from scratch with other payloads in a journal of its own (so its entries, leaves and
    /// nodes are all valid), then swaps it in for the real one. Returns the fork's root.
    /// </summary>
    private async Task<byte[]> ReplaceWithForkAsync()
    {
        await using var fork = new AuditTestBed(await _bed.Journal.CreateSiblingAsync());
        await fork.AppendAsync(Stream, 10, payloadPrefix: "rewritten-history");
        var forkRoot = (await fork.Store.GetTreeHeadAsync(Stream)).RootHash.ToArray();
        Assert.Equal(10, (await fork.ReadAllAsync(Stream)).Count);

        await _bed.ReplaceStreamAsync(fork, Stream);
        Assert.NotEqual(forkRoot, MerkleHash.EmptyTreeRoot.ToArray());
        return forkRoot;
    }
}

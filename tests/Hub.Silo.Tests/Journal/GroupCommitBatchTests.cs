using System.Text;
using Hub.Silo.Journal;
using Hub.Silo.Journal.GroupCommit;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Tests.Journal;

/// <summary>The group commit's decisions, shared by both stores, against an in-memory store that can be told to fail.</summary>
public sealed class GroupCommitBatchTests
{
    [Fact]
    public async Task AppendsToOneStreamInABatchChainAndAStaleOneIsAConflict()
    {
        var store = new MemoryWrites();
        AppendRequest[] batch = [Request("s", 0), Request("s", 1), Request("s", 1), Request("t", 0)];
        var outcomes = new List<AppendOutcome>();

        Assert.True(await GroupCommitBatch.WriteAsync(batch, store, 1_000, inSavepoints: false, outcomes));

        Assert.Equal([1L, 2L, 0L, 1L], outcomes.Select(o => o.Version));
        var conflict = Assert.IsType<JournalConflictException>(outcomes[2].Refusal);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(["s", "s", "t"], store.Written);
    }

    [Fact]
    public async Task AFailedWriteOutsideSavepointsStopsTheBatchForAReplay()
    {
        var store = new MemoryWrites { Failing = "bad" };
        var outcomes = new List<AppendOutcome>();

        Assert.False(await GroupCommitBatch.WriteAsync([Request("ok", 0), Request("bad", 0), Request("later", 0)], store, 1_000, inSavepoints: false, outcomes));

        Assert.Equal(["ok"], store.Written);
    }

    [Fact]
    public async Task InSavepointsAFailedWriteFailsAloneAndTheStreamStaysAtTheHeadTheStoreReports()
    {
        var store = new MemoryWrites { Failing = "bad", HeadAfterRefusal = 7 };
        var outcomes = new List<AppendOutcome>();

        Assert.True(await GroupCommitBatch.WriteAsync(
            [Request("bad", 0), Request("bad", 1), Request("bad", 7), Request("ok", 0)], store, 1_000, inSavepoints: true, outcomes));

        Assert.Equal("damaged", Assert.IsType<InvalidOperationException>(outcomes[0].Refusal).Message);
        // The second append expected the first to have landed; the store said the stream is at 7 now.
        Assert.Equal(7, Assert.IsType<JournalConflictException>(outcomes[1].Refusal).ActualVersion);
        Assert.IsType<InvalidOperationException>(outcomes[2].Refusal);
        Assert.Equal(1, outcomes[3].Version);
        Assert.Equal(["ok"], store.Written);
    }

    [Fact]
    public async Task AStreamWhoseTreeCannotBeRestoredIsRefusedAsDamagedAndNothingOfItIsWritten()
    {
        var store = new MemoryWrites { Damaged = "torn" };
        var outcomes = new List<AppendOutcome>();

        Assert.True(await GroupCommitBatch.WriteAsync([Request("torn", 0), Request("fine", 0)], store, 1_000, inSavepoints: false, outcomes));

        Assert.True(outcomes[0].IsDamaged);
        Assert.False(outcomes[1].Refused);
        Assert.Equal(["fine"], store.Written);
    }

    private static AppendRequest Request(string stream, long expected) =>
        new(stream, expected, [new PendingEntry("test.v1", Encoding.UTF8.GetBytes($"{stream}@{expected}"))], []);

    /// <summary>Streams that start empty; writes of <see cref="Failing"/> fail, and <see cref="Damaged"/> has no frontier.</summary>
    private sealed class MemoryWrites : BatchWrites
    {
        private readonly Dictionary<string, MerkleAccumulator> _trees = [];

        public string? Failing { get; init; }

        public string? Damaged { get; init; }

        public long HeadAfterRefusal { get; init; }

        public List<string> Written { get; } = [];

        public override ValueTask<long> ReadHeadAsync(string streamId) => ValueTask.FromResult(0L);

        public override ValueTask<MerkleAccumulator?> FrontierAsync(string streamId, long head)
        {
            if (streamId == Damaged)
            {
                return ValueTask.FromResult<MerkleAccumulator?>(null);
            }

            if (!_trees.TryGetValue(streamId, out var tree))
            {
                // A frontier at the head, as a store would restore it: `head` leaves.
                _trees[streamId] = tree = new MerkleAccumulator();
                for (var i = 0; i < head; i++)
                {
                    tree.Append(new byte[MerkleHash.Size]);
                }
            }

            return ValueTask.FromResult<MerkleAccumulator?>(tree);
        }

        public override ValueTask<bool> WriteAsync(AppendRequest request, AppendPlan plan)
        {
            if (request.StreamId == Failing)
            {
                return ValueTask.FromResult(false);
            }

            Written.Add(request.StreamId);
            return ValueTask.FromResult(true);
        }

        public override ValueTask<(Exception Refusal, long Head)?> WriteInSavepointAsync(AppendRequest request, AppendPlan plan)
        {
            if (request.StreamId == Failing)
            {
                // A real store forgets the frontier the plan advanced; here the next append starts a fresh tree at its head.
                _trees.Remove(request.StreamId);
                return ValueTask.FromResult<(Exception, long)?>((new InvalidOperationException("damaged"), HeadAfterRefusal));
            }

            Written.Add(request.StreamId);
            return ValueTask.FromResult<(Exception, long)?>(null);
        }
    }
}

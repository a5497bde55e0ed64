namespace Hub.Silo.Journal.GroupCommit;

/// <summary>
/// The decisions of a group commit, the same for every store: each append of a batch, in arrival order, is refused if
/// its expected version is not its stream's head, refused as damaged if the stream's stored tree cannot be restored,
/// and otherwise hashed (<see cref="AppendPlan"/>) and written, so that an append that passes these checks cannot
/// conflict with the others. Two appends to one stream in a batch chain: the second is checked against the first's
/// new version.
/// </summary>
/// <remarks>
/// A batch is first written without savepoints. If a write fails all the same (a damaged file, a constraint the checks
/// could not foresee, another process appending first), the store rolls the transaction back, forgets the batch's
/// cached frontiers and runs the batch again with <c>inSavepoints</c>, where that append fails alone and the others
/// commit. Nothing is told to callers here: the store completes the outcomes once its transaction is decided.
/// </remarks>
internal static class GroupCommitBatch
{
    /// <summary>
    /// Decides and writes the batch, adding each append's outcome. False when a write outside savepoints failed (only
    /// when <paramref name="inSavepoints"/> is false); the outcomes are then void.
    /// </summary>
    public static async ValueTask<bool> WriteAsync(
        IReadOnlyList<AppendRequest> batch, BatchWrites writes, long recordedAt, bool inSavepoints, List<AppendOutcome> outcomes)
    {
        // Heads of streams written earlier in this batch, so two appends to one stream chain correctly.
        var heads = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var request in batch)
        {
            var streamId = request.StreamId;
            if (!heads.TryGetValue(streamId, out var head))
            {
                head = await writes.ReadHeadAsync(streamId);
            }

            if (head != request.ExpectedVersion)
            {
                outcomes.Add(AppendOutcome.Refuse(request, new JournalConflictException(streamId, request.ExpectedVersion, head)));
                continue;
            }

            if (await writes.FrontierAsync(streamId, head) is not { } tree)
            {
                // A stored frontier node is missing: appending on a damaged tree would hide the damage.
                outcomes.Add(AppendOutcome.Damaged(request, head));
                continue;
            }

            var plan = AppendPlan.Build(streamId, head, tree, request.Entries, recordedAt);
            if (!inSavepoints)
            {
                if (!await writes.WriteAsync(request, plan))
                {
                    return false;
                }
            }
            else if (await writes.WriteInSavepointAsync(request, plan) is { } refused)
            {
                heads[streamId] = refused.Head;
                outcomes.Add(AppendOutcome.Refuse(request, refused.Refusal));
                continue;
            }

            heads[streamId] = plan.NewVersion;
            outcomes.Add(AppendOutcome.Accept(request, plan.NewVersion));
        }

        return await writes.FlushAsync();
    }
}

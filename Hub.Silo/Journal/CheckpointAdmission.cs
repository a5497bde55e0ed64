namespace Hub.Silo.Journal;

/// <summary>
/// What every store checks before it keeps a checkpoint (<see cref="IJournalStore.SaveCheckpointAsync"/>): it
/// covers entries that exist, it does not move backwards, and its root is the store's own root at that size.
/// </summary>
internal static class CheckpointAdmission
{
    public static void CheckArguments(JournalCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        JournalArguments.CheckStream(checkpoint.StreamId);
        ArgumentOutOfRangeException.ThrowIfNegative(checkpoint.TreeSize);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint.SignedNote);
    }

    /// <param name="checkpoint">The checkpoint to keep.</param>
    /// <param name="streamSize">The stream's version in the saving transaction.</param>
    /// <param name="latestSize">The size of the latest stored checkpoint, if any.</param>
    /// <param name="sameSizeStored">True when a checkpoint of the same size is stored (its note may be replaced).</param>
    public static void CheckSize(JournalCheckpoint checkpoint, long streamSize, long? latestSize, bool sameSizeStored)
    {
        if (checkpoint.TreeSize > streamSize)
        {
            throw new InvalidOperationException($"Stream '{checkpoint.StreamId}' has {streamSize} entries; it cannot have a checkpoint at size {checkpoint.TreeSize}.");
        }

        if (latestSize is { } latest && latest > checkpoint.TreeSize && !sameSizeStored)
        {
            throw new InvalidOperationException($"Stream '{checkpoint.StreamId}' already has a checkpoint at size {latest}; checkpoints only move forward.");
        }
    }

    public static void CheckRoot(JournalCheckpoint checkpoint, ReadOnlySpan<byte> storedRoot)
    {
        if (!storedRoot.SequenceEqual(checkpoint.RootHash.Span))
        {
            throw new InvalidOperationException($"The checkpoint's root is not the root of stream '{checkpoint.StreamId}' at size {checkpoint.TreeSize}.");
        }
    }
}

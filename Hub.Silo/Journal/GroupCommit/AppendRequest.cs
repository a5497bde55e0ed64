namespace Hub.Silo.Journal.GroupCommit;

/// <summary>One append waiting for the next group commit; completed with its new version once durable.</summary>
internal sealed class AppendRequest(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs)
{
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StreamId { get; } = streamId;

    public long ExpectedVersion { get; } = expectedVersion;

    public IReadOnlyList<PendingEntry> Entries { get; } = entries;

    public IReadOnlyList<PendingBlob> Blobs { get; } = blobs;
}

using System.Threading.Channels;

namespace Hub.Silo.Journal.GroupCommit;

/// <summary>
/// The appends waiting for a store's single writer: the writer takes every append waiting at that moment
/// (up to <c>maxBatch</c>) and commits them in one transaction, so one commit (one fsync) serves many callers.
/// </summary>
internal sealed class AppendQueue(int maxBatch)
{
    private readonly Channel<AppendRequest> _appends =
        Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Checks and queues an append; completes when the writer committed or refused it.</summary>
    public async Task<long> AppendAsync(
        object store, string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries, IReadOnlyList<PendingBlob> blobs, CancellationToken ct)
    {
        JournalArguments.CheckAppend(streamId, expectedVersion, entries);
        JournalArguments.CheckBlobs(blobs);
        var request = new AppendRequest(streamId, expectedVersion, entries, blobs);
        ObjectDisposedException.ThrowIf(!_appends.Writer.TryWrite(request), store);

        // A cancelled wait does not withdraw the append: like any request that timed out, it may still commit.
        return await request.Completion.Task.WaitAsync(ct);
    }

    /// <summary>No more appends; the writer loop ends once the queued ones are committed.</summary>
    public void Complete() => _appends.Writer.TryComplete();

    /// <summary>
    /// The writer loop: hands each batch to <paramref name="commit"/>, in arrival order, until <see cref="Complete"/>.
    /// <paramref name="commit"/> must complete every request of its batch, with a version or an exception.
    /// </summary>
    public async Task RunAsync(Func<IReadOnlyList<AppendRequest>, Task> commit)
    {
        var batch = new List<AppendRequest>(maxBatch);
        while (await _appends.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < maxBatch && _appends.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            await commit(batch);
        }
    }
}

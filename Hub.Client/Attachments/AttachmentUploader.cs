// The client half of the resumable upload. The sealed file is already complete on local disk, so any byte range can be
// sent again. After a broken connection, a timeout or a hub restart the uploader asks the hub (HEAD) how far its bytes
// are durable and continues from there; the hub only ever moves that offset after syncing a whole chunk, so nothing is
// sent twice on purpose and nothing acknowledged is missing. Refusals (4xx other than a wrong offset) are not retried.
using System.Net;
using Hub.Client.Api;
using Hub.Client.Wire;

namespace Hub.Client.Attachments;

internal static class AttachmentUploader
{
    /// <summary>Consecutive failed attempts (connection errors, 5xx) before giving up; the wait grows to 2 s between them.</summary>
    private const int MaxFailures = 90;

    /// <summary>Largest chunk this client sends, even when the hub allows more.</summary>
    private const int PreferredChunkBytes = 8 * 1024 * 1024;

    public static async Task<UploadState> UploadAsync(
        HubApiClient api, Guid caseId, Guid attachmentId, Stream sealedFile, SealedAttachment digests, IProgress<long>? progress, CancellationToken ct)
    {
        var failures = 0;
        var state = await RetryAsync(() => api.OpenUploadAsync(caseId, new OpenUpload(attachmentId, digests.SealedSize, digests.SealedSha256), ct), ct);
        var offset = state.Offset;
        var buffer = new byte[Math.Clamp(state.MaxChunkBytes, 1, PreferredChunkBytes)];
        progress?.Report(offset);
        while (!state.Complete && offset < digests.SealedSize)
        {
            var length = (int)Math.Min(buffer.Length, digests.SealedSize - offset);
            sealedFile.Position = offset;
            await sealedFile.ReadExactlyAsync(buffer.AsMemory(0, length), ct);
            try
            {
                state = await api.PutChunkAsync(caseId, attachmentId, offset, buffer.AsMemory(0, length), ct);
                offset = state.Offset;
                failures = 0;
                progress?.Report(offset);
            }
            catch (Exception e) when (IsTransient(e, ct) || e is HubApiException { Status: HttpStatusCode.Conflict })
            {
                // Lost response, cut connection, restarted hub, or a chunk the hub already has: ask where it stands.
                await BackOffAsync(++failures, e, ct);
                (offset, var complete) = await RetryAsync(() => api.GetUploadOffsetAsync(caseId, attachmentId, ct), ct);
                if (complete)
                {
                    break;
                }

                progress?.Report(offset);
            }
        }

        return await RetryAsync(() => api.CompleteUploadAsync(caseId, attachmentId, ct), ct);
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (IsTransient(e, ct))
            {
                await BackOffAsync(failures, e, ct);
            }
        }
    }

    private static async Task BackOffAsync(int failures, Exception error, CancellationToken ct)
    {
        if (failures >= MaxFailures)
        {
            throw new HttpRequestException($"The upload made no progress after {failures} attempts.", error);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (1 << Math.Min(failures, 5)))), ct);
    }

    private static bool IsTransient(Exception e, CancellationToken ct) => e switch
    {
        HttpRequestException or IOException => true,
        TaskCanceledException when !ct.IsCancellationRequested => true, // the HTTP client's timeout, not the caller's cancellation
        HubApiException api => (int)api.Status >= 500,
        _ => false,
    };
}

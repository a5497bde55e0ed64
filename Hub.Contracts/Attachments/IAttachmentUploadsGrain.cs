namespace Hub.Contracts.Attachments;

/// <summary>
/// One agency's attachment uploads in progress (keyed by agency id): their declared size and digest, the durable offset,
/// expiry, and the agency's quota of open uploads. The bytes themselves are written by the gateway beside the journal;
/// this grain records how far they are durable and decides who may continue. Uploads are private to their agency:
/// any other caller gets NotFound.
/// </summary>
[Alias("Hub.Contracts.Attachments.IAttachmentUploadsGrain")]
public interface IAttachmentUploadsGrain : IGrainWithStringKey
{
    /// <summary>Declares an upload in a case the caller's agency takes part in; repeating the same declaration returns its state.</summary>
    [Alias("OpenAsync")]
    Task<UploadResult> OpenAsync(Caller caller, OpenUpload command, CancellationToken ct = default);

    /// <summary>The upload's state (NotFound for anyone but the uploading agency, and after expiry).</summary>
    [Alias("GetAsync")]
    Task<UploadResult> GetAsync(Caller caller, Guid caseId, Guid attachmentId, CancellationToken ct = default);

    /// <summary>Records that the bytes from <paramref name="offset"/> to <paramref name="newOffset"/> are on disk and synced.</summary>
    [Alias("CommitChunkAsync")]
    Task<UploadResult> CommitChunkAsync(Caller caller, Guid caseId, Guid attachmentId, long offset, long newOffset, CancellationToken ct = default);

    /// <summary>
    /// Completes a fully uploaded attachment whose stored bytes the gateway hashed: a match is recorded in the case
    /// (then the upload is done); a mismatch discards the upload and its bytes, and nothing is recorded.
    /// </summary>
    [Alias("CompleteAsync")]
    Task<UploadResult> CompleteAsync(Caller caller, Guid caseId, Guid attachmentId, bool digestMatches, CancellationToken ct = default);
}

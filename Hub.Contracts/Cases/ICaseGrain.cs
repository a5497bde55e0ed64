using Hub.Contracts.Attachments;

namespace Hub.Contracts.Cases;

/// <summary>One case, keyed by a client-chosen Guid. Every method decides access from the explicit caller.</summary>
[Alias("Hub.Contracts.Cases.ICaseGrain")]
public interface ICaseGrain : IGrainWithGuidKey
{
    [Alias("OpenAsync")]
    Task<CaseResult> OpenAsync(Caller caller, OpenCase command, CancellationToken ct = default);

    /// <summary>The case as the caller's agency may see it; null when it does not exist or the caller does not take part.</summary>
    [Alias("GetViewAsync")]
    Task<CaseView?> GetViewAsync(Caller caller, CancellationToken ct = default);

    /// <summary>
    /// What a submit of <paramref name="messageId"/> is checked against; null under the same rule as <see cref="GetViewAsync"/>
    /// (no such case, or the caller does not take part), so a submit learns no more than a view would tell.
    /// </summary>
    [Alias("GetSubmissionContextAsync")]
    Task<SubmissionContext?> GetSubmissionContextAsync(Caller caller, Guid messageId, CancellationToken ct = default);

    [Alias("SubmitMessageAsync")]
    Task<CaseResult> SubmitMessageAsync(Caller caller, SubmitMessage command, CancellationToken ct = default);

    /// <summary>The caller's agency's envelope for a message; each successful fetch is journaled.</summary>
    [Alias("FetchEnvelopeAsync")]
    Task<(CaseResult Result, EnvelopeForAgency? Envelope)> FetchEnvelopeAsync(Caller caller, Guid messageId, CancellationToken ct = default);

    /// <summary>The signed statement of a message, for a participant whose agency can read it (to check a forwarding statement against it).</summary>
    [Alias("GetMessageStatementAsync")]
    Task<byte[]?> GetMessageStatementAsync(Caller caller, Guid messageId, CancellationToken ct = default);

    /// <summary>
    /// Records a completed, digest-checked attachment uploaded by the caller's agency (called by its uploads grain).
    /// Idempotent for the same attachment; another attachment under the same id is a Conflict.
    /// </summary>
    [Alias("RecordAttachmentAsync")]
    Task<CaseResult> RecordAttachmentAsync(Caller caller, StoredAttachment attachment, CancellationToken ct = default);

    /// <summary>A stored attachment for a participant that may read the case; each successful fetch is journaled.</summary>
    [Alias("FetchAttachmentAsync")]
    Task<(CaseResult Result, StoredAttachment? Attachment)> FetchAttachmentAsync(Caller caller, Guid attachmentId, CancellationToken ct = default);

    /// <summary>
    /// The key header of an attachment re-wrapped for the caller's agency with its re-wrap of <paramref name="messageId"/>:
    /// NotFound for non-participants and unknown messages or attachments, Forbidden when none was made for the agency.
    /// </summary>
    [Alias("FetchAttachmentHeaderAsync")]
    Task<(CaseResult Result, byte[]? Header)> FetchAttachmentHeaderAsync(Caller caller, Guid messageId, Guid attachmentId, CancellationToken ct = default);

    [Alias("DecideAsync")]
    Task<CaseResult> DecideAsync(Caller caller, DecideReferral command, CancellationToken ct = default);

    [Alias("RequestForwardAsync")]
    Task<CaseResult> RequestForwardAsync(Caller caller, RequestForward command, CancellationToken ct = default);

    [Alias("DecideConsentAsync")]
    Task<CaseResult> DecideConsentAsync(Caller caller, DecideConsent command, CancellationToken ct = default);

    [Alias("AddRewrapAsync")]
    Task<CaseResult> AddRewrapAsync(Caller caller, AddRewrap command, CancellationToken ct = default);

    [Alias("PlaceHoldAsync")]
    Task<CaseResult> PlaceHoldAsync(Caller caller, PlaceHold command, CancellationToken ct = default);

    [Alias("LiftHoldAsync")]
    Task<CaseResult> LiftHoldAsync(Caller caller, LiftHold command, CancellationToken ct = default);

    [Alias("RecordTakedownAsync")]
    Task<CaseResult> RecordTakedownAsync(Caller caller, RecordTakedown command, CancellationToken ct = default);

    [Alias("RecordOutcomeAsync")]
    Task<CaseResult> RecordOutcomeAsync(Caller caller, RecordOutcome command, CancellationToken ct = default);

    /// <summary>
    /// True when the caller's agency takes part in the case and the caller holds any hub role (auditors included):
    /// who may see the case stream's checkpoints, entries and proofs.
    /// </summary>
    [Alias("CanAuditAsync")]
    Task<bool> CanAuditAsync(Caller caller, CancellationToken ct = default);

    /// <summary>
    /// Journals that the caller exports the case's evidence bundle, before it is built (so the bundle includes it).
    /// Only auditors and agency admins of participating agencies; others get NotFound (non-participants) or Forbidden.
    /// </summary>
    [Alias("RecordAuditExportAsync")]
    Task<CaseResult> RecordAuditExportAsync(Caller caller, CancellationToken ct = default);
}

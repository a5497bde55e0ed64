using Hub.Contracts.Cases;

namespace Hub.Contracts.Attachments;

/// <summary>The answer to an upload command: a status like a case command's, and the upload's state when there is one.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Attachments.UploadResult")]
public sealed record UploadResult(
    [property: Id(0)] CaseResultStatus Status,
    [property: Id(1)] string? Problem = null,
    [property: Id(2)] UploadStatus? Upload = null)
{
    public static UploadResult NotFound { get; } = new(CaseResultStatus.NotFound);

    public static UploadResult Done(UploadStatus upload) => new(CaseResultStatus.Done, Upload: upload);

    public static UploadResult Invalid(string why, UploadStatus? upload = null) => new(CaseResultStatus.Invalid, why, upload);

    public static UploadResult Conflict(string why, UploadStatus? upload = null) => new(CaseResultStatus.Conflict, why, upload);

    public static UploadResult Forbidden(string why) => new(CaseResultStatus.Forbidden, why);

    public static UploadResult From(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new UploadResult(result.Status, result.Problem);
    }
}

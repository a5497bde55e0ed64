namespace Hub.Contracts.Cases;

/// <summary>How a case command ended; the gateway maps it to an HTTP status.</summary>
public enum CaseResultStatus
{
    Done = 1,

    /// <summary>The case does not exist or the caller does not take part (indistinguishable on purpose).</summary>
    NotFound = 2,

    /// <summary>The caller takes part but lacks the role, or the agency may not do this.</summary>
    Forbidden = 3,

    /// <summary>The command is malformed or names something that does not exist.</summary>
    Invalid = 4,

    /// <summary>The case's state does not allow it now (e.g. notice while a hold is active).</summary>
    Conflict = 5,
}

/// <summary>The result of a case command. A retry with the same command id gets the same result.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.CaseResult")]
public sealed record CaseResult(
    [property: Id(0)] CaseResultStatus Status,
    [property: Id(1)] string? Problem = null,
    [property: Id(2)] long Version = 0)
{
    public static CaseResult NotFound { get; } = new(CaseResultStatus.NotFound);

    public static CaseResult Forbidden(string why) => new(CaseResultStatus.Forbidden, why);

    public static CaseResult Invalid(string why) => new(CaseResultStatus.Invalid, why);

    public static CaseResult Conflict(string why) => new(CaseResultStatus.Conflict, why);
}

// Thrown by the codec when a document fails to parse or validate; carries every problem found, so
// an analyst fixes a draft in one pass instead of one error at a time.
namespace Hub.Client.Content;

/// <summary>A content document is malformed, invalid or of an unsupported schema version.</summary>
public sealed class ReferralContentException : Exception
{
    public ReferralContentException(IReadOnlyList<ContentProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public ReferralContentException()
        : this([new ContentProblem("$", "Invalid referral content.")])
    {
    }

    public ReferralContentException(string message)
        : this([new ContentProblem("$", message)])
    {
    }

    public ReferralContentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new ContentProblem("$", message)];
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? $"Invalid referral content: {problems[0]}"
            : $"Invalid referral content ({problems.Count} problems): {string.Join("; ", problems)}";
    }
}

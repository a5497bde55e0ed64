using Hub.Contracts.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Cases;

/// <summary>Maps a grain's <see cref="CaseResult"/> to HTTP: problems carry the grain's reason, never case content.</summary>
internal static class CaseResults
{
    public static Results<Ok<CommandAccepted>, ProblemHttpResult> ToHttp(Guid caseId, CaseResult result) => result.Status switch
    {
        CaseResultStatus.Done => TypedResults.Ok(new CommandAccepted(caseId, result.Version)),
        _ => Problem(result),
    };

    /// <summary>A grain answer as HTTP: 200 with its value, else the result's problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>((CaseResult Result, T? Value) answer)
        where T : class =>
        answer.Value is { } value ? TypedResults.Ok(value) : Problem(answer.Result);

    public static ProblemHttpResult Problem(CaseResult result) => result.Status switch
    {
        CaseResultStatus.NotFound => TypedResults.Problem(result.Problem ?? "No such case.", statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        CaseResultStatus.Forbidden => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        CaseResultStatus.Conflict => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        _ => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid command"),
    };
}

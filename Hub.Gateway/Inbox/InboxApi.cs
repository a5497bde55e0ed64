using Hub.Contracts.Inbox;
using Hub.Gateway.Auth;
using Hub.Gateway.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Inbox;

/// <summary><c>GET /api/inbox?after=N&amp;limit=L</c>: the caller's agency's inbox from sequence N on. The truth behind live pushes.</summary>
public static class InboxApi
{
    public const int DefaultPage = 100;

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inbox", ReadAsync).WithTags("Inbox").RequireAuthorization(AuthExtensions.AgencyMemberPolicy)
            .WithSummary("Inbox entries after a sequence number, oldest first (catch-up after every reconnect).");
        return app;
    }

    private static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> ReadAsync(
        HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct, long after = 0, int limit = DefaultPage)
    {
        if (after < 0 || limit is < 1 or > 500)
        {
            return TypedResults.Problem("after is 0 or more; limit is 1 to 500.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");
        }

        var caller = callers.Resolve(http.User);
        var items = await grains.Inbox(caller.AgencyId).ReadAsync(caller, after, limit, ct) ?? [];
        return TypedResults.Ok(new InboxPage(caller.AgencyId, items, items.Count == limit));
    }
}

/// <summary>A page of inbox entries; <see cref="More"/> says another page may follow right away.</summary>
public sealed record InboxPage(string AgencyId, IReadOnlyList<InboxItem> Items, bool More);

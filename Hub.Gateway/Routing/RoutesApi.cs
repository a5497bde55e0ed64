using Hub.Gateway.Agencies;
using Hub.Contracts.Cases;
using Hub.Gateway.Auth;
using Hub.Gateway.Operations;
using Hub.Silo.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Routing;

/// <summary><c>GET /api/routes?hostingCountry=NL&amp;priority=Urgent</c>: suggested recipients for the caller's agency.</summary>
public static class RoutesApi
{
    public static IEndpointRouteBuilder MapRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/routes", SuggestAsync).WithTags("Routing").RequireAuthorization(AuthExtensions.AgencyMemberPolicy)
            .WithSummary("Suggests recipient agencies for content hosted in a country.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<RouteSuggestion>>, ProblemHttpResult>> SuggestAsync(
        string hostingCountry, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct, Priority priority = Priority.Normal)
    {
        if (hostingCountry is not { Length: 2 } || !hostingCountry.All(char.IsAsciiLetterUpper))
        {
            return TypedResults.Problem("hostingCountry is an ISO 3166-1 alpha-2 code in upper case.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");
        }

        var caller = callers.Resolve(http.User);
        var network = await AgencyDirectoryReader.ListProfilesAsync(grains, ct);
        if (network.FirstOrDefault(a => a.Id == caller.AgencyId) is not { } sender)
        {
            return TypedResults.Problem("Your agency has no profile in the directory yet.", statusCode: StatusCodes.Status409Conflict, title: "Unknown agency");
        }

        return TypedResults.Ok(RouteAdvisor.Suggest(sender, hostingCountry, priority, network));
    }
}

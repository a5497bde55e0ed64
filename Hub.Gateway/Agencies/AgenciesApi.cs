using Hub.Contracts.Agencies;
using Hub.Gateway.Auth;
using Hub.Gateway.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Agencies;

/// <summary>The agency directory: any agency member reads it; an agency's admins define their own agency.</summary>
public static class AgenciesApi
{
    public static IEndpointRouteBuilder MapAgencies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agencies").WithTags("Agencies").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        group.MapGet("/", ListAsync).WithSummary("Lists every agency of the network.");
        group.MapGet("/{id:grainkey}", GetAsync).WithSummary("One agency's profile.");
        group.MapPut("/{id:grainkey}", DefineAsync).WithSummary("Creates or updates an agency; only that agency's admins may.");
        return app;
    }

    private static async Task<Ok<AgencyProfile[]>> ListAsync(GrainReferences grains, CancellationToken ct) =>
        TypedResults.Ok(await AgencyDirectoryReader.ListProfilesAsync(grains, ct));

    private static async Task<Results<Ok<AgencyProfile>, NotFound>> GetAsync(string id, GrainReferences grains, CancellationToken ct) =>
        await grains.Agency(id).GetProfileAsync(ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Results<Created<AgencyProfile>, Ok<AgencyProfile>, ForbidHttpResult, ProblemHttpResult>> DefineAsync(
        string id, DefineAgencyRequest request, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var caller = callers.Resolve(http.User);
        if (!caller.IsAdminOf(id))
        {
            // Checked here too so a forbidden request never activates (or creates a stream for) an arbitrary id.
            return TypedResults.Forbid();
        }

        var profile = new AgencyProfile(id, request.Kind, request.Country, request.DisplayName, request.Sla ?? SlaTargets.Default);
        var result = await grains.Agency(id).DefineAsync(caller, profile, ct);
        return result.Outcome switch
        {
            DefineAgencyOutcome.Created => TypedResults.Created($"/api/agencies/{id}", profile),
            DefineAgencyOutcome.Updated or DefineAgencyOutcome.Unchanged => TypedResults.Ok(profile),
            DefineAgencyOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid agency profile"),
        };
    }
}

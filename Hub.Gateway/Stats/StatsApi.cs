using Hub.Gateway.Auth;
using Hub.Gateway.Operations;

namespace Hub.Gateway.Stats;

/// <summary><c>GET /api/stats</c>: per-hop duration percentiles per agency and country, and victims identified per year.</summary>
public static class StatsApi
{
    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", async (GrainReferences grains, CancellationToken ct) => TypedResults.Ok(await grains.Stats().GetAsync(ct)))
            .WithTags("Stats").RequireAuthorization(AuthExtensions.AgencyMemberPolicy)
            .WithSummary("Time to acknowledge, decide, notice and removal, hold durations; victims identified per year with year-on-year change.");
        return app;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Auth;

/// <summary><c>GET /api/me</c>: who the hub thinks the caller is.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", Me).WithTags("Identity").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        return app;
    }

    private static Ok<WhoAmI> Me(HttpContext http, CallerResolver callers) => TypedResults.Ok(WhoAmI.From(http.User, callers.Resolve(http.User)));
}

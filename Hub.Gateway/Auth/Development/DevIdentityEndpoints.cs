using Hub.Contracts;
using Hub.Silo.Agencies;
using Hub.Silo.Seeding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Auth.Development;

/// <summary>
/// The development identity provider's HTTP face: OIDC discovery, JWKS and a token endpoint.
/// Mapped only when <see cref="DevIdentityOptions.Enabled"/> (Development); anonymous by nature.
/// </summary>
public static class DevIdentityEndpoints
{
    public const string BasePath = "/dev-idp";

    /// <summary>Grant for an ad-hoc development user (an agency and roles of your choosing).</summary>
    public const string DevUserGrant = "urn:hub:dev:user";

    private static readonly string[] GrantTypes = ["password", DevUserGrant];
    private static readonly string[] SigningAlgorithms = ["ES256"];
    private static readonly string[] ResponseTypes = ["token"];
    private static readonly string[] SubjectTypes = ["public"];

    public static IEndpointRouteBuilder MapDevIdentityProvider(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).AllowAnonymous().WithTags("Development identity provider");
        group.MapGet("/.well-known/openid-configuration", Discovery);
        group.MapGet("/jwks", (DevSigningKey key) => TypedResults.Json(new { keys = new[] { key.PublicJwk } }));
        group.MapGet("/users", () => TypedResults.Ok(DemoNetwork.Users.Select(u => new { u.UserName, u.DisplayName, u.AgencyId, u.Roles })));
        group.MapPost("/token", Token).DisableAntiforgery();
        return app;
    }

    private static Ok<Dictionary<string, object>> Discovery(DevTokenIssuer issuer)
    {
        var iss = issuer.Options.Issuer;
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["issuer"] = iss,
            ["jwks_uri"] = $"{iss}/jwks",
            ["token_endpoint"] = $"{iss}/token",
            ["grant_types_supported"] = GrantTypes,
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["response_types_supported"] = ResponseTypes,
            ["subject_types_supported"] = SubjectTypes,
        });
    }

    private static async Task<Results<Ok<TokenResponse>, BadRequest<TokenError>>> Token(HttpRequest request, DevTokenIssuer issuer)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.BadRequest(new TokenError("invalid_request", "Send application/x-www-form-urlencoded."));
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var lifetime = (int)issuer.Options.TokenLifetime.TotalSeconds;
        switch (form["grant_type"].ToString())
        {
            case "password":
                var name = form["username"].ToString();
                var user = DemoNetwork.Users.FirstOrDefault(u => string.Equals(u.UserName, name, StringComparison.OrdinalIgnoreCase));
                return user is null
                    ? TypedResults.BadRequest(new TokenError("invalid_grant", "No such demo user; GET /dev-idp/users lists them."))
                    : TypedResults.Ok(new TokenResponse(issuer.Issue(user), "Bearer", lifetime));

            case DevUserGrant:
                var agency = form["agency"].ToString();
                var roles = form["roles"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!AgencyProfileRules.AgencyId().IsMatch(agency) || roles.Length == 0 || roles.Any(r => !HubRoles.All.Contains(r)))
                {
                    return TypedResults.BadRequest(new TokenError("invalid_request", "Give an agency id and space-separated Hub.* roles."));
                }

                var userName = $"dev-{Guid.NewGuid():N}@{agency}.test";
                return TypedResults.Ok(new TokenResponse(
                    issuer.Issue(agency, Guid.NewGuid(), userName, form["name"].ToString() is { Length: > 0 } n ? n : userName, roles), "Bearer", lifetime));

            default:
                return TypedResults.BadRequest(new TokenError("unsupported_grant_type", $"Use 'password' or '{DevUserGrant}'."));
        }
    }

    /// <summary>RFC 6749 §5.1 token response.</summary>
    public sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>RFC 6749 §5.2 error response.</summary>
    public sealed record TokenError(
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string Description);
}

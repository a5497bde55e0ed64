using Hub.Contracts.Audit;
using Hub.Gateway.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Audit;

/// <summary>
/// The hub's public audit keys: anyone may fetch them to verify checkpoints. Case streams' checkpoints, proofs and
/// exports are in <see cref="CaseAuditApi"/>, behind case-participation checks.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/keys", GetKeysAsync).AllowAnonymous()
            .WithSummary("The hub's checkpoint log keys (current first, then earlier keys still trusted) and trusted witness keys.");
        return app;
    }

    private static async Task<Ok<AuditKeys>> GetKeysAsync(GrainReferences grains, CancellationToken ct) =>
        TypedResults.Ok(await grains.AuditKeys().GetKeysAsync(ct));
}

using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Gateway.Auth;
using Hub.Gateway.Cases;
using Hub.Gateway.Operations;
using Hub.Silo.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Audit;

/// <summary>
/// An agency key directory's audit trail. Any member of the network may witness it (checkpoint, proofs,
/// cosignatures), because every agency seals to every other agency's keys; only the agency's own members read its
/// entries. <see cref="IAgencyAuditGrain"/> decides.
/// </summary>
public static class AgencyAuditApi
{
    public static IEndpointRouteBuilder MapAgencyAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agencies/{agencyId:grainkey}/audit").WithTags("Audit").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        group.MapGet("/checkpoint", GetCheckpointAsync)
            .WithSummary("The latest signed checkpoint of the agency's key-directory stream (signed on demand), with witness cosignatures.");
        group.MapGet("/entries", GetEntriesAsync)
            .WithSummary("The key-directory stream's entries after version `after`, canonically encoded (the agency's own members).");
        group.MapGet("/proof/inclusion", GetInclusionProofAsync)
            .WithSummary("RFC 9162 inclusion proof of the entry at `version` in the tree of `treeSize` entries.");
        group.MapGet("/proof/consistency", GetConsistencyProofAsync)
            .WithSummary("RFC 9162 consistency proof from tree size `from` to `to`.");
        group.MapPost("/cosignatures", AddCosignatureAsync)
            .WithSummary("A witness's cosignature of one of the stream's checkpoints; stored when the witness key is trusted.");
        return app;
    }

    private static async Task<Results<Ok<AuditCheckpoint>, ProblemHttpResult>> GetCheckpointAsync(
        string agencyId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        CaseResults.Answer(await grains.AgencyAudit(agencyId).GetCheckpointAsync(callers.Resolve(http.User), ct));

    private static async Task<Results<Ok<AuditEntryPage>, ProblemHttpResult>> GetEntriesAsync(
        string agencyId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct, long after = 0, int limit = 100) =>
        after < 0 || limit is < 1 or > StreamAuditor.MaxPage
            ? CaseResults.Problem(CaseResult.Invalid($"Use after >= 0 and a limit from 1 to {StreamAuditor.MaxPage}."))
            : CaseResults.Answer(await grains.AgencyAudit(agencyId).GetEntriesAsync(callers.Resolve(http.User), after, limit, ct));

    private static async Task<Results<Ok<AuditProof>, ProblemHttpResult>> GetInclusionProofAsync(
        string agencyId, long version, long treeSize, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        CaseResults.Answer(await grains.AgencyAudit(agencyId).GetInclusionProofAsync(callers.Resolve(http.User), version, treeSize, ct));

    private static async Task<Results<Ok<AuditProof>, ProblemHttpResult>> GetConsistencyProofAsync(
        string agencyId, long from, long to, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        CaseResults.Answer(await grains.AgencyAudit(agencyId).GetConsistencyProofAsync(callers.Resolve(http.User), from, to, ct));

    private static async Task<Results<Ok<AuditCheckpoint>, ProblemHttpResult>> AddCosignatureAsync(
        string agencyId, CosignatureRequest body, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        CaseResults.Answer(await grains.AgencyAudit(agencyId).AddCosignatureAsync(callers.Resolve(http.User), body.Note, ct));
}

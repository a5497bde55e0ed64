using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Gateway.Auth;
using Hub.Gateway.Cases;
using Hub.Gateway.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Audit;

/// <summary>
/// A case stream's audit trail: signed checkpoints, canonical entries, proofs, witness cosignatures and the evidence
/// bundle. The case grain decides who takes part; anyone else gets 404, exactly as for a case that does not exist.
/// </summary>
public static class CaseAuditApi
{
    public static IEndpointRouteBuilder MapCaseAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/audit").WithTags("Audit").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        group.MapGet("/checkpoint", GetCheckpointAsync)
            .WithSummary("The latest signed checkpoint of the case stream (signed on demand), with witness cosignatures.");
        group.MapGet("/entries", GetEntriesAsync)
            .WithSummary("The case stream's entries after version `after`, in their canonical encoding (base64).");
        group.MapGet("/proof/inclusion", GetInclusionProofAsync)
            .WithSummary("RFC 9162 inclusion proof of the entry at `version` in the tree of `treeSize` entries.");
        group.MapGet("/proof/consistency", GetConsistencyProofAsync)
            .WithSummary("RFC 9162 consistency proof from tree size `from` to `to`.");
        group.MapPost("/cosignatures", AddCosignatureAsync)
            .WithSummary("A witness's cosignature of one of the case's checkpoints; stored when the witness key is trusted.");
        group.MapGet("/export", ExportAsync)
            .WithSummary("The hub.evidence-bundle/v1 of the case (auditors and agency admins); the export is journaled first.");
        return app;
    }

    private static async Task<Results<Ok<AuditCheckpoint>, ProblemHttpResult>> GetCheckpointAsync(
        Guid caseId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        await grains.CaseAudit(caseId).GetCheckpointAsync(callers.Resolve(http.User), ct) is { } checkpoint
            ? TypedResults.Ok(checkpoint)
            : CaseResults.Problem(CaseResult.NotFound);

    private static async Task<Results<Ok<AuditEntryPage>, ProblemHttpResult>> GetEntriesAsync(
        Guid caseId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct, long after = 0, int limit = 100)
    {
        if (after < 0 || limit is < 1 or > Silo.Audit.CaseAuditGrain.MaxPage)
        {
            return CaseResults.Problem(CaseResult.Invalid($"Use after >= 0 and a limit from 1 to {Silo.Audit.CaseAuditGrain.MaxPage}."));
        }

        return await grains.CaseAudit(caseId).GetEntriesAsync(callers.Resolve(http.User), after, limit, ct) is { } page
            ? TypedResults.Ok(page)
            : CaseResults.Problem(CaseResult.NotFound);
    }

    private static async Task<Results<Ok<AuditProof>, ProblemHttpResult>> GetInclusionProofAsync(
        Guid caseId, long version, long treeSize, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        CaseResults.Answer(await grains.CaseAudit(caseId).GetInclusionProofAsync(callers.Resolve(http.User), version, treeSize, ct));

    private static async Task<Results<Ok<AuditProof>, ProblemHttpResult>> GetConsistencyProofAsync(
        Guid caseId, long from, long to, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        CaseResults.Answer(await grains.CaseAudit(caseId).GetConsistencyProofAsync(callers.Resolve(http.User), from, to, ct));

    private static async Task<Results<Ok<AuditCheckpoint>, ProblemHttpResult>> AddCosignatureAsync(
        Guid caseId, CosignatureRequest body, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        CaseResults.Answer(await grains.CaseAudit(caseId).AddCosignatureAsync(callers.Resolve(http.User), body.Note, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        Guid caseId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var (result, bundle) = await grains.CaseAudit(caseId).ExportAsync(callers.Resolve(http.User), ct);
        return bundle is not null
            ? TypedResults.File(bundle, "application/json", $"case-{caseId:N}.evidence.json")
            : CaseResults.Problem(result);
    }
}

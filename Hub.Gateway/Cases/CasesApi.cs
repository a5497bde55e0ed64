using Hub.Contracts;
using Hub.Contracts.Cases;
using Hub.Gateway.Auth;
using Hub.Gateway.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Cases;

/// <summary>
/// Cases: open, view, decide, forward, hold, takedown, outcomes. Every handler passes the caller to the
/// case grain, which decides; a case the caller does not take part in is a 404, never a 403.
/// Sealed messages and envelopes are in <see cref="MessagesApi"/>.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        group.MapPost("/", OpenAsync).WithSummary("Opens a case (hotline analysts).");
        group.MapGet("/{caseId:guid}", GetAsync).WithSummary("The case as your agency may see it.");
        MapCommand<DecideReferral>(group, "decisions", (g, c, body, ct) => g.DecideAsync(c, body, ct), "Acknowledge, accept, decline or ask for information.");
        MapCommand<RequestForward>(group, "forwards", (g, c, body, ct) => g.RequestForwardAsync(c, body, ct), "Adds an agency; some handling codes need the originator's consent.");
        MapCommand<DecideConsent>(group, "consents", (g, c, body, ct) => g.DecideConsentAsync(c, body, ct), "The originator grants or denies a pending forward.");
        MapCommand<PlaceHold>(group, "hold", (g, c, body, ct) => g.PlaceHoldAsync(c, body, ct), "Places or extends a takedown hold (police investigators).");
        MapCommand<LiftHold>(group, "hold/lift", (g, c, body, ct) => g.LiftHoldAsync(c, body, ct), "Lifts your hold early.");
        MapCommand<RecordTakedown>(group, "takedown", (g, c, body, ct) => g.RecordTakedownAsync(c, body, ct), "Records notice sent, removed or not removed (hotline analysts).");
        MapCommand<RecordOutcome>(group, "outcomes", (g, c, body, ct) => g.RecordOutcomeAsync(c, body, ct), "Records an investigation, identified victims, or closes the case.");
        return app;
    }

    private static async Task<Results<Created<CaseView>, Ok<CaseView>, ProblemHttpResult>> OpenAsync(
        OpenCaseRequest body, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        if (body.CaseId == Guid.Empty || body.CommandId == Guid.Empty)
        {
            return CaseResults.Problem(CaseResult.Invalid("caseId and commandId are required."));
        }

        var caller = callers.Resolve(http.User);
        var grain = grains.Case(body.CaseId);
        var before = await grain.GetViewAsync(caller, ct);
        var result = await grain.OpenAsync(caller, new OpenCase(body.CommandId, body.Priority, body.Category, body.HostingCountry, body.Handling, body.ReportedAt), ct);
        if (result.Status != CaseResultStatus.Done)
        {
            return CaseResults.Problem(result);
        }

        var view = (await grain.GetViewAsync(caller, ct))!;
        return before is null ? TypedResults.Created($"/api/cases/{body.CaseId}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(Guid caseId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        await grains.Case(caseId).GetViewAsync(callers.Resolve(http.User), ct) is { } view
            ? TypedResults.Ok(view)
            : CaseResults.Problem(CaseResult.NotFound);

    /// <summary>A case command endpoint: <c>POST /api/cases/{caseId}/{path}</c> with the command as its body.</summary>
    private static void MapCommand<TCommand>(
        RouteGroupBuilder group, string path, Func<ICaseGrain, Caller, TCommand, CancellationToken, Task<CaseResult>> command, string summary) =>
        group.MapPost($"/{{caseId:guid}}/{path}", async (Guid caseId, TCommand body, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
            CaseResults.ToHttp(caseId, await command(grains.Case(caseId), callers.Resolve(http.User), body, ct)))
            .WithSummary(summary);
}

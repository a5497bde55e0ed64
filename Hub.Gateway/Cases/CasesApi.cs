using Hub.Contracts.Cases;
using Hub.Gateway.Auth;
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
        group.MapPost("/{caseId:guid}/decisions", (Guid caseId, DecideReferral body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
            RunAsync(caseId, http, callers, orleans, (g, c) => g.DecideAsync(c, body, ct))).WithSummary("Acknowledge, accept, decline or ask for information.");
        group.MapPost("/{caseId:guid}/forwards", (Guid caseId, RequestForward body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
            RunAsync(caseId, http, callers, orleans, (g, c) => g.RequestForwardAsync(c, body, ct))).WithSummary("Adds an agency; some handling codes need the originator's consent.");
        group.MapPost("/{caseId:guid}/consents", (Guid caseId, DecideConsent body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
            RunAsync(caseId, http, callers, orleans, (g, c) => g.DecideConsentAsync(c, body, ct))).WithSummary("The originator grants or denies a pending forward.");
        group.MapPost("/{caseId:guid}/hold", (Guid caseId, PlaceHold body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
            RunAsync(caseId, http, callers, orleans, (g, c) => g.PlaceHoldAsync(c, body, ct))).WithSummary("Places or extends a takedown hold (police investigators).");
        group.MapPost("/{caseId:guid}/hold/lift", (Guid caseId, LiftHold body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
            RunAsync(caseId, http, callers, orleans, (g, c) => g.LiftHoldAsync(c, body, ct))).WithSummary("Lifts your hold early.");
        group.MapPost("/{caseId:guid}/takedown", (Guid caseId, RecordTakedown body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
            RunAsync(caseId, http, callers, orleans, (g, c) => g.RecordTakedownAsync(c, body, ct))).WithSummary("Records notice sent, removed or not removed (hotline analysts).");
        group.MapPost("/{caseId:guid}/outcomes", (Guid caseId, RecordOutcome body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
            RunAsync(caseId, http, callers, orleans, (g, c) => g.RecordOutcomeAsync(c, body, ct))).WithSummary("Records an investigation, identified victims, or closes the case.");
        return app;
    }

    private static async Task<Results<Created<CaseView>, Ok<CaseView>, ProblemHttpResult>> OpenAsync(
        OpenCaseRequest body, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct)
    {
        if (body.CaseId == Guid.Empty || body.CommandId == Guid.Empty)
        {
            return CaseResults.Problem(CaseResult.Invalid("caseId and commandId are required."));
        }

        var caller = callers.Resolve(http.User);
        var grain = orleans.GetGrain<ICaseGrain>(body.CaseId);
        var before = await grain.GetViewAsync(caller, ct);
        var result = await grain.OpenAsync(caller, new OpenCase(body.CommandId, body.Priority, body.Category, body.HostingCountry, body.Handling, body.ReportedAt), ct);
        if (result.Status != CaseResultStatus.Done)
        {
            return CaseResults.Problem(result);
        }

        var view = (await grain.GetViewAsync(caller, ct))!;
        return before is null ? TypedResults.Created($"/api/cases/{body.CaseId}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(Guid caseId, HttpContext http, CallerResolver callers, IClusterClient orleans, CancellationToken ct) =>
        await orleans.GetGrain<ICaseGrain>(caseId).GetViewAsync(callers.Resolve(http.User), ct) is { } view
            ? TypedResults.Ok(view)
            : CaseResults.Problem(CaseResult.NotFound);

    private static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> RunAsync(
        Guid caseId, HttpContext http, CallerResolver callers, IClusterClient orleans, Func<ICaseGrain, Hub.Contracts.Caller, Task<CaseResult>> command) =>
        CaseResults.ToHttp(caseId, await command(orleans.GetGrain<ICaseGrain>(caseId), callers.Resolve(http.User)));
}

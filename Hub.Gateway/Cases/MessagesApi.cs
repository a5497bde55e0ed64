using Hub.Contracts.Cases;
using Hub.Gateway.Auth;
using Hub.Gateway.Operations;
using Hub.Gateway.Verification;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Cases;

/// <summary>
/// Sealed messages: submit (after the gateway checked the sender's signature and what it binds), fetch
/// the envelope for your agency, add a re-wrapped header (and the re-wrapped headers of the message's
/// attachments) for a forwarded agency, and fetch such an attachment header. Bytes travel base64 in JSON,
/// except the attachment header, which is served as it was stored.
/// </summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<MessageLimits>>().Value;
        var group = app.MapGroup("/api/cases/{caseId:guid}/messages").WithTags("Messages").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        group.MapPost("/", SubmitAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxRequestBytes))
            .WithSummary("Submits a sealed message: a referral (originator) or a reply / information request.");
        group.MapGet("/{messageId:guid}/envelope", FetchAsync).WithSummary("Your agency's envelope for a message; every fetch is journaled.");
        group.MapPost("/{messageId:guid}/rewraps", RewrapAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxRequestBytes))
            .WithSummary("Adds a re-wrapped key header for an agency added to the case, with its attachments' re-wrapped headers.");
        group.MapGet("/{messageId:guid}/attachments/{attachmentId:guid}/header", FetchAttachmentHeaderAsync)
            .WithSummary("The attachment's key header re-wrapped for your agency when the message was forwarded to it.");
        return app;
    }

    private static async Task<Results<Created<CommandAccepted>, Ok<CommandAccepted>, ProblemHttpResult>> SubmitAsync(
        Guid caseId, SubmitMessage body, HttpContext http, CallerResolver callers, GrainReferences grains, StatementVerifier verifier, IOptions<MessageLimits> limits, CancellationToken ct)
    {
        if ((body.Payload?.LongLength ?? 0) + (body.Header?.LongLength ?? 0) > limits.Value.MaxEnvelopeBytes)
        {
            return TypedResults.Problem(
                $"Envelopes up to {limits.Value.MaxEnvelopeBytes} bytes travel inline; larger content goes in attachments.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Envelope too large");
        }

        var caller = callers.Resolve(http.User);
        var grain = grains.Case(caseId);
        if (await grain.GetSubmissionContextAsync(caller, body.MessageId, ct) is not { } submission)
        {
            return CaseResults.Problem(CaseResult.NotFound);
        }

        if (await verifier.CheckReferralAsync(caller, submission, body, ct) is { } forged)
        {
            return TypedResults.Problem(forged, statusCode: StatusCodes.Status400BadRequest, title: "Statement does not verify");
        }

        var known = submission.MessageKnown;
        var result = await grain.SubmitMessageAsync(caller, body, ct);
        if (result.Status != CaseResultStatus.Done)
        {
            return CaseResults.Problem(result);
        }

        var accepted = new CommandAccepted(caseId, result.Version);
        return known ? TypedResults.Ok(accepted) : TypedResults.Created($"/api/cases/{caseId}/messages/{body.MessageId}/envelope", accepted);
    }

    private static async Task<Results<Ok<EnvelopeForAgency>, ProblemHttpResult>> FetchAsync(
        Guid caseId, Guid messageId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var (result, envelope) = await grains.Case(caseId).FetchEnvelopeAsync(callers.Resolve(http.User), messageId, ct);
        return envelope is not null ? TypedResults.Ok(envelope) : CaseResults.Problem(result);
    }

    private static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> RewrapAsync(
        Guid caseId, Guid messageId, AddRewrap body, HttpContext http, CallerResolver callers, GrainReferences grains, StatementVerifier verifier, CancellationToken ct)
    {
        var caller = callers.Resolve(http.User);
        var grain = grains.Case(caseId);
        if (await grain.GetViewAsync(caller, ct) is not { } view)
        {
            return CaseResults.Problem(CaseResult.NotFound);
        }

        if (body.MessageId != messageId)
        {
            return CaseResults.Problem(CaseResult.Invalid("The body's messageId differs from the path."));
        }

        if (body.Attachments?.FirstOrDefault(a => a?.Header?.Length > CaseLimits.MaxHeaderBytes) is { } oversized)
        {
            return TypedResults.Problem(
                $"The re-wrapped header of attachment {oversized.AttachmentId} has {oversized.Header.Length} bytes; headers have at most {CaseLimits.MaxHeaderBytes}.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Header too large");
        }

        var original = await grain.GetMessageStatementAsync(caller, messageId, ct);
        if (await verifier.CheckForwardingAsync(caller, body, original, ct) is { } forged)
        {
            return TypedResults.Problem(forged, statusCode: StatusCodes.Status400BadRequest, title: "Statement does not verify");
        }

        return CaseResults.ToHttp(caseId, await grain.AddRewrapAsync(caller, body, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FetchAttachmentHeaderAsync(
        Guid caseId, Guid messageId, Guid attachmentId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var (result, header) = await grains.Case(caseId).FetchAttachmentHeaderAsync(callers.Resolve(http.User), messageId, attachmentId, ct);
        return header is not null ? TypedResults.Bytes(header, "application/octet-stream") : CaseResults.Problem(result);
    }
}

using Hub.Contracts.Attachments;
using Hub.Contracts.Cases;
using Hub.Gateway.Auth;
using Hub.Gateway.Cases;
using Hub.Gateway.Operations;
using Hub.Silo.Attachments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Hub.Gateway.Attachments;

/// <summary>
/// Sealed attachments too large to travel inline: declared (size and sealed SHA-256), uploaded in chunks at the durable
/// offset, resumed after a broken connection (HEAD tells the offset), completed when the stored bytes match the declared
/// digest, then downloaded by participants. The uploads grain decides who may write where; the bytes go to the attachment
/// folder beside the journal and are synced before the offset moves. Anyone outside the case gets 404 everywhere.
/// </summary>
public static class AttachmentsApi
{
    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<AttachmentOptions>();
        var group = app.MapGroup("/api/cases/{caseId:guid}/attachments").WithTags("Attachments").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        group.MapPost("/", OpenAsync).WithSummary("Declares a sealed attachment upload: its size and the SHA-256 of the sealed bytes.");
        group.MapMethods("/{attachmentId:guid}", [HttpMethods.Head], HeadAsync)
            .WithSummary("Your agency's upload: Upload-Offset (durable bytes), Upload-Length, Upload-Complete.");
        group.MapPut("/{attachmentId:guid}/chunks/{offset:long}", PutChunkAsync)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxChunkBytes))
            .Accepts<Stream>("application/octet-stream")
            .WithSummary("Appends the sealed bytes of one chunk at the upload's current offset.");
        group.MapPost("/{attachmentId:guid}/completion", CompleteAsync)
            .WithSummary("Checks the stored bytes against the declared SHA-256 and records the attachment in the case.");
        group.MapGet("/{attachmentId:guid}", DownloadAsync)
            .WithSummary("The sealed bytes of a completed attachment (range requests allowed); every download is journaled.");
        return app;
    }

    private static async Task<Results<Created<UploadState>, Ok<UploadState>, ProblemHttpResult>> OpenAsync(
        Guid caseId, OpenUploadRequest body, HttpContext http, CallerResolver callers, GrainReferences grains, AttachmentOptions options, CancellationToken ct)
    {
        if (body.Size > options.MaxBytes)
        {
            return TypedResults.Problem(
                $"Sealed attachments may have at most {options.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Attachment too large");
        }

        var caller = callers.Resolve(http.User);
        var result = await grains.AttachmentUploads(caller.AgencyId)
            .OpenAsync(caller, new OpenUpload(caseId, body.AttachmentId, body.Size, body.Sha256 ?? string.Empty), ct);
        if (result.Upload is not { } upload || result.Status != CaseResultStatus.Done)
        {
            return Problem(result);
        }

        UploadHeaders.Write(http.Response, upload);
        var state = UploadState.Of(upload, options.MaxChunkBytes);
        return upload.Offset == 0 && !upload.Complete
            ? TypedResults.Created($"/api/cases/{caseId}/attachments/{body.AttachmentId}", state)
            : TypedResults.Ok(state);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HeadAsync(
        Guid caseId, Guid attachmentId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var caller = callers.Resolve(http.User);
        var result = await grains.AttachmentUploads(caller.AgencyId).GetAsync(caller, caseId, attachmentId, ct);
        if (result.Upload is not { } upload)
        {
            return Problem(result);
        }

        UploadHeaders.Write(http.Response, upload);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UploadState>, ProblemHttpResult>> PutChunkAsync(
        Guid caseId, Guid attachmentId, long offset, HttpContext http, CallerResolver callers, GrainReferences grains,
        AttachmentFiles files, AttachmentOptions options, CancellationToken ct)
    {
        if (http.Request.ContentLength is not { } length)
        {
            return TypedResults.Problem("Send each chunk with a Content-Length.", statusCode: StatusCodes.Status411LengthRequired, title: "Length required");
        }

        if (length > options.MaxChunkBytes)
        {
            return TypedResults.Problem(
                $"A chunk has at most {options.MaxChunkBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Chunk too large");
        }

        var caller = callers.Resolve(http.User);
        var uploads = grains.AttachmentUploads(caller.AgencyId);
        using var writing = await files.LockAsync(attachmentId, ct);
        var current = await uploads.GetAsync(caller, caseId, attachmentId, ct);
        if (current.Upload is not { } upload)
        {
            return Problem(current);
        }

        UploadHeaders.Write(http.Response, upload);
        if (upload.Complete || offset != upload.Offset)
        {
            return TypedResults.Problem(
                upload.Complete ? "The upload is complete." : $"The upload continues at offset {upload.Offset}, not {offset}.",
                statusCode: StatusCodes.Status409Conflict, title: "Wrong offset");
        }

        if (length <= 0 || offset + length > upload.Size)
        {
            return TypedResults.Problem(
                $"A chunk has at least one byte and ends at most at the declared size ({upload.Size}); this one ends at {offset + length}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Chunk beyond the declared size");
        }

        long written;
        try
        {
            written = await files.WriteChunkAsync(caseId, caller.AgencyId, attachmentId, offset, http.Request.Body, length, ct);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException or InvalidDataException)
        {
            // The client went away mid-chunk (or sent more than it announced): nothing is committed; HEAD tells where to resume.
            return TypedResults.Problem("The chunk was cut short; nothing of it was committed.", statusCode: StatusCodes.Status400BadRequest, title: "Incomplete chunk");
        }

        if (written != length)
        {
            return TypedResults.Problem("The chunk was cut short; nothing of it was committed.", statusCode: StatusCodes.Status400BadRequest, title: "Incomplete chunk");
        }

        var committed = await uploads.CommitChunkAsync(caller, caseId, attachmentId, offset, offset + written, ct);
        if (committed.Upload is not { } after || committed.Status != CaseResultStatus.Done)
        {
            return Problem(committed);
        }

        UploadHeaders.Write(http.Response, after);
        return TypedResults.Ok(UploadState.Of(after, options.MaxChunkBytes));
    }

    private static async Task<Results<Ok<UploadState>, ProblemHttpResult>> CompleteAsync(
        Guid caseId, Guid attachmentId, HttpContext http, CallerResolver callers, GrainReferences grains,
        AttachmentFiles files, AttachmentOptions options, CancellationToken ct)
    {
        var caller = callers.Resolve(http.User);
        var uploads = grains.AttachmentUploads(caller.AgencyId);
        using var writing = await files.LockAsync(attachmentId, ct);
        var current = await uploads.GetAsync(caller, caseId, attachmentId, ct);
        if (current.Upload is not { } upload)
        {
            return Problem(current);
        }

        // Hash what is on disk, not what was received: the digest vouches for the bytes downloads will serve.
        var matches = false;
        if (!upload.Complete && upload.Offset == upload.Size && await files.HashAsync(caseId, caller.AgencyId, attachmentId, ct) is { } stored)
        {
            matches = stored.Length == upload.Size && stored.Sha256 == upload.Sha256;
        }

        var result = await uploads.CompleteAsync(caller, caseId, attachmentId, matches, ct);
        if (result.Upload is not { } done || result.Status != CaseResultStatus.Done)
        {
            return Problem(result);
        }

        UploadHeaders.Write(http.Response, done);
        return TypedResults.Ok(UploadState.Of(done, options.MaxChunkBytes));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid caseId, Guid attachmentId, HttpContext http, CallerResolver callers, GrainReferences grains, AttachmentFiles files, CancellationToken ct)
    {
        var (result, stored) = await grains.Case(caseId).FetchAttachmentAsync(callers.Resolve(http.User), attachmentId, ct);
        if (stored is null)
        {
            return CaseResults.Problem(result);
        }

        var bytes = files.OpenRead(caseId, stored.ByAgency, attachmentId)
            ?? throw new InvalidDataException($"The sealed bytes of attachment {attachmentId} are missing from the attachment folder.");
        return TypedResults.Stream(bytes, "application/octet-stream", entityTag: new EntityTagHeaderValue($"\"{stored.Sha256}\""), enableRangeProcessing: true);
    }

    private static ProblemHttpResult Problem(UploadResult result) =>
        result.Status == CaseResultStatus.NotFound
            ? TypedResults.Problem("No such case or upload.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : CaseResults.Problem(new CaseResult(result.Status, result.Problem));
}

using Hub.Contracts.Agencies;
using Hub.Gateway.Auth;
using Hub.Gateway.Operations;
using Hub.Gateway.Verification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Agencies;

/// <summary>
/// The key directory: anyone in the network reads an agency's public keys; its admins enrol and revoke
/// devices (with statements signed by an enrolled device) and publish key generations.
/// </summary>
public static class AgencyKeysApi
{
    public static IEndpointRouteBuilder MapAgencyKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agencies/{agencyId:grainkey}").WithTags("Keys").RequireAuthorization(AuthExtensions.AgencyMemberPolicy);
        group.MapGet("/keys", async (string agencyId, GrainReferences grains, CancellationToken ct) =>
            TypedResults.Ok(await grains.Agency(agencyId).GetKeysAsync(ct))).WithSummary("Devices and key generations of an agency.");
        group.MapPost("/devices", EnrolAsync).WithSummary("Enrols a device (agency admins).");
        group.MapPost("/devices/{deviceId}/revocation", RevokeAsync).WithSummary("Revokes a device (agency admins); publish a new generation next.");
        group.MapPost("/generations", PublishAsync).WithSummary("Publishes the next key generation, wrapped to every active device.");
        group.MapPost("/device-requests", RequestDeviceAsync).WithSummary("Registers your new device's public keys for an admin of your agency to enrol.");
        group.MapGet("/device-requests", DeviceRequestsAsync).WithSummary("Devices of your agency waiting for enrolment.");
        group.MapPost("/generations/{generation:int}/wrapped", WrapAsync).WithSummary("Adds an existing generation's key wrapped to one more active device (agency admins).");
        group.MapGet("/generations/{generation:int}/wrapped/{deviceId}", WrappedAsync).WithSummary("A generation key wrapped to one of your agency's devices.");
        return app;
    }

    private static async Task<Results<Ok<AgencyKeys>, ProblemHttpResult>> EnrolAsync(
        string agencyId, EnrolDevice body, HttpContext http, CallerResolver callers, GrainReferences grains, StatementVerifier verifier, CancellationToken ct)
    {
        var caller = callers.Resolve(http.User);
        var grain = grains.Agency(agencyId);
        if (!caller.IsAdminOf(agencyId))
        {
            return Problem(new KeyCommandResult(KeyCommandOutcome.Forbidden, "Only the agency's own admins change its keys."));
        }

        if (verifier.CheckEnrolment(agencyId, body, await grain.GetKeysAsync(ct)) is { } forged)
        {
            return TypedResults.Problem(forged, statusCode: StatusCodes.Status400BadRequest, title: "Statement does not verify");
        }

        return await ThenKeysAsync(grain, await grain.EnrolDeviceAsync(caller, body, ct), ct);
    }

    private static async Task<Results<Ok<AgencyKeys>, ProblemHttpResult>> RevokeAsync(
        string agencyId, string deviceId, RevokeDevice body, HttpContext http, CallerResolver callers, GrainReferences grains, StatementVerifier verifier, CancellationToken ct)
    {
        var caller = callers.Resolve(http.User);
        var grain = grains.Agency(agencyId);
        if (!caller.IsAdminOf(agencyId))
        {
            return Problem(new KeyCommandResult(KeyCommandOutcome.Forbidden, "Only the agency's own admins change its keys."));
        }

        if (body.DeviceId != deviceId)
        {
            return Problem(new KeyCommandResult(KeyCommandOutcome.Invalid, "The body's deviceId differs from the path."));
        }

        if (verifier.CheckRevocation(agencyId, body, await grain.GetKeysAsync(ct)) is { } forged)
        {
            return TypedResults.Problem(forged, statusCode: StatusCodes.Status400BadRequest, title: "Statement does not verify");
        }

        return await ThenKeysAsync(grain, await grain.RevokeDeviceAsync(caller, body, ct), ct);
    }

    private static async Task<Results<Ok<AgencyKeys>, ProblemHttpResult>> PublishAsync(
        string agencyId, PublishGeneration body, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var grain = grains.Agency(agencyId);
        return await ThenKeysAsync(grain, await grain.PublishGenerationAsync(callers.Resolve(http.User), body, ct), ct);
    }

    private static async Task<Results<Ok<AgencyKeys>, ProblemHttpResult>> WrapAsync(
        string agencyId, int generation, WrapGeneration body, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var grain = grains.Agency(agencyId);
        return await ThenKeysAsync(grain, await grain.WrapGenerationAsync(callers.Resolve(http.User), generation, body, ct), ct);
    }

    private static async Task<Results<Ok<IReadOnlyList<DeviceRequest>>, ProblemHttpResult>> RequestDeviceAsync(
        string agencyId, RequestDevice body, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct)
    {
        var caller = callers.Resolve(http.User);
        var grain = grains.Agency(agencyId);
        var result = await grain.RequestDeviceAsync(caller, body, ct);
        return result.Outcome == KeyCommandOutcome.Done ? TypedResults.Ok((await grain.GetDeviceRequestsAsync(caller, ct))!) : Problem(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<DeviceRequest>>, ProblemHttpResult>> DeviceRequestsAsync(
        string agencyId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        await grains.Agency(agencyId).GetDeviceRequestsAsync(callers.Resolve(http.User), ct) is { } requests
            ? TypedResults.Ok(requests)
            : Problem(new KeyCommandResult(KeyCommandOutcome.Forbidden, "Only members of the agency see its device requests."));

    private static async Task<Results<Ok<WrappedGeneration>, ProblemHttpResult>> WrappedAsync(
        string agencyId, int generation, string deviceId, HttpContext http, CallerResolver callers, GrainReferences grains, CancellationToken ct) =>
        await grains.Agency(agencyId).GetWrappedGenerationAsync(callers.Resolve(http.User), generation, deviceId, ct) is { } envelope
            ? TypedResults.Ok(new WrappedGeneration(agencyId, generation, deviceId, envelope))
            : TypedResults.Problem("No such generation key for a device of your agency.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static async Task<Results<Ok<AgencyKeys>, ProblemHttpResult>> ThenKeysAsync(IAgencyGrain grain, KeyCommandResult result, CancellationToken ct) =>
        result.Outcome == KeyCommandOutcome.Done ? TypedResults.Ok(await grain.GetKeysAsync(ct)) : Problem(result);

    private static ProblemHttpResult Problem(KeyCommandResult result) => result.Outcome switch
    {
        KeyCommandOutcome.Forbidden => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        KeyCommandOutcome.Conflict => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        KeyCommandOutcome.NotFound => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        _ => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid command"),
    };
}

/// <summary>A generation's private key, age-encrypted to one device of the caller's agency.</summary>
public sealed record WrappedGeneration(string AgencyId, int Generation, string DeviceId, byte[] Envelope);

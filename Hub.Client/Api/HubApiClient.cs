// Typed calls for every gateway endpoint. Retrying is the caller's choice: every command body carries
// a client-chosen command id, and the hub answers a repeated id with the first result without writing
// anything new, so resending the same body after a timeout or a crash is safe.
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hub.Client.Wire;

namespace Hub.Client.Api;

/// <summary>The hub's HTTP API. Error statuses surface as <see cref="HubApiException"/>.</summary>
public sealed partial class HubApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Func<CancellationToken, Task<string>> _token;

    /// <summary>A client for <paramref name="endpoint"/> (its own HTTP handler).</summary>
    public HubApiClient(HubEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _http = endpoint.CreateHttpClient();
        _token = endpoint.AccessToken;
    }

    /// <summary>The endpoint this client talks to.</summary>
    public HubEndpoint Endpoint { get; }

    /// <summary><c>GET /api/me</c>: who the hub thinks the caller is.</summary>
    public Task<CallerIdentity> GetMeAsync(CancellationToken ct = default) => GetAsync<CallerIdentity>("api/me", ct);

    /// <summary><c>GET /api/agencies</c>: the whole directory.</summary>
    public Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken ct = default) => GetAsync<IReadOnlyList<AgencyProfile>>("api/agencies", ct);

    /// <summary><c>GET /api/agencies/{id}</c>.</summary>
    public Task<AgencyProfile> GetAgencyAsync(string agencyId, CancellationToken ct = default) => GetAsync<AgencyProfile>($"api/agencies/{Esc(agencyId)}", ct);

    /// <summary><c>PUT /api/agencies/{id}</c>: creates or updates the caller's own agency (admins).</summary>
    public Task<AgencyProfile> DefineAgencyAsync(string agencyId, AgencyDefinition definition, CancellationToken ct = default) =>
        SendAsync<AgencyProfile>(HttpMethod.Put, $"api/agencies/{Esc(agencyId)}", definition, ct);

    /// <summary><c>GET /api/routes</c>: suggested recipients for content hosted in <paramref name="hostingCountry"/>.</summary>
    public Task<IReadOnlyList<RouteSuggestion>> SuggestRoutesAsync(string hostingCountry, Priority priority = Priority.Normal, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<RouteSuggestion>>($"api/routes?hostingCountry={Esc(hostingCountry)}&priority={priority}", ct);

    /// <summary><c>GET /api/agencies/{id}/keys</c>: the hub's claim about an agency's keys (verify before use).</summary>
    public Task<AgencyKeys> GetKeysAsync(string agencyId, CancellationToken ct = default) => GetAsync<AgencyKeys>($"api/agencies/{Esc(agencyId)}/keys", ct);

    /// <summary><c>POST /api/agencies/{id}/devices</c>: enrols a device (admins).</summary>
    public Task<AgencyKeys> EnrolDeviceAsync(string agencyId, EnrolDevice command, CancellationToken ct = default) =>
        SendAsync<AgencyKeys>(HttpMethod.Post, $"api/agencies/{Esc(agencyId)}/devices", command, ct);

    /// <summary><c>POST /api/agencies/{id}/devices/{deviceId}/revocation</c>: revokes a device (admins).</summary>
    public Task<AgencyKeys> RevokeDeviceAsync(string agencyId, RevokeDevice command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return SendAsync<AgencyKeys>(HttpMethod.Post, $"api/agencies/{Esc(agencyId)}/devices/{Esc(command.DeviceId)}/revocation", command, ct);
    }

    /// <summary><c>POST /api/agencies/{id}/generations</c>: publishes the next key generation (admins).</summary>
    public Task<AgencyKeys> PublishGenerationAsync(string agencyId, PublishGeneration command, CancellationToken ct = default) =>
        SendAsync<AgencyKeys>(HttpMethod.Post, $"api/agencies/{Esc(agencyId)}/generations", command, ct);

    /// <summary><c>POST /api/agencies/{id}/device-requests</c>: registers the caller's new device for enrolment by an admin.</summary>
    /// <returns>The agency's devices waiting for enrolment.</returns>
    public Task<IReadOnlyList<DeviceRequest>> RequestDeviceAsync(string agencyId, RequestDevice command, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<DeviceRequest>>(HttpMethod.Post, $"api/agencies/{Esc(agencyId)}/device-requests", command, ct);

    /// <summary><c>GET /api/agencies/{id}/device-requests</c>: devices of the caller's agency waiting for enrolment.</summary>
    public Task<IReadOnlyList<DeviceRequest>> ListDeviceRequestsAsync(string agencyId, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<DeviceRequest>>($"api/agencies/{Esc(agencyId)}/device-requests", ct);

    /// <summary><c>POST /api/agencies/{id}/generations/{n}/wrapped</c>: an existing generation's key wrapped to one more device (admins).</summary>
    public Task<AgencyKeys> WrapGenerationAsync(string agencyId, int generation, WrapGeneration command, CancellationToken ct = default) =>
        SendAsync<AgencyKeys>(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"api/agencies/{Esc(agencyId)}/generations/{generation}/wrapped"), command, ct);

    /// <summary><c>GET /api/agencies/{id}/generations/{n}/wrapped/{deviceId}</c>: a generation key wrapped to one of the caller's devices.</summary>
    public Task<WrappedGeneration> GetWrappedGenerationAsync(string agencyId, int generation, string deviceId, CancellationToken ct = default) =>
        GetAsync<WrappedGeneration>(string.Create(CultureInfo.InvariantCulture, $"api/agencies/{Esc(agencyId)}/generations/{generation}/wrapped/{Esc(deviceId)}"), ct);

    /// <summary><c>POST /api/cases</c>: opens a case (hotline analysts); repeating the same request returns the case.</summary>
    public Task<CaseView> OpenCaseAsync(OpenCaseRequest request, CancellationToken ct = default) => SendAsync<CaseView>(HttpMethod.Post, "api/cases", request, ct);

    /// <summary><c>GET /api/cases/{id}</c>: the case as the caller's agency may see it.</summary>
    public Task<CaseView> GetCaseAsync(Guid caseId, CancellationToken ct = default) => GetAsync<CaseView>($"api/cases/{caseId}", ct);

    /// <summary><c>POST …/decisions</c>: acknowledge, accept, decline or ask for information.</summary>
    public Task<CommandAccepted> DecideAsync(Guid caseId, DecideReferral command, CancellationToken ct = default) => CaseCommandAsync(caseId, "decisions", command, ct);

    /// <summary><c>POST …/forwards</c>: asks to add an agency.</summary>
    public Task<CommandAccepted> RequestForwardAsync(Guid caseId, RequestForward command, CancellationToken ct = default) => CaseCommandAsync(caseId, "forwards", command, ct);

    /// <summary><c>POST …/consents</c>: the originator grants or denies a pending forward.</summary>
    public Task<CommandAccepted> DecideConsentAsync(Guid caseId, DecideConsent command, CancellationToken ct = default) => CaseCommandAsync(caseId, "consents", command, ct);

    /// <summary><c>POST …/hold</c>: places or extends a takedown hold (police investigators).</summary>
    public Task<CommandAccepted> PlaceHoldAsync(Guid caseId, PlaceHold command, CancellationToken ct = default) => CaseCommandAsync(caseId, "hold", command, ct);

    /// <summary><c>POST …/hold/lift</c>: lifts the caller's hold.</summary>
    public Task<CommandAccepted> LiftHoldAsync(Guid caseId, LiftHold command, CancellationToken ct = default) => CaseCommandAsync(caseId, "hold/lift", command, ct);

    /// <summary><c>POST …/takedown</c>: notice sent, removed or not removed (hotline analysts).</summary>
    public Task<CommandAccepted> RecordTakedownAsync(Guid caseId, RecordTakedown command, CancellationToken ct = default) => CaseCommandAsync(caseId, "takedown", command, ct);

    /// <summary><c>POST …/outcomes</c>: investigation opened, victims identified, closed.</summary>
    public Task<CommandAccepted> RecordOutcomeAsync(Guid caseId, RecordOutcome command, CancellationToken ct = default) => CaseCommandAsync(caseId, "outcomes", command, ct);

    /// <summary><c>POST …/messages</c>: submits a sealed message; the hub verifies its signed statement first.</summary>
    public Task<CommandAccepted> SubmitMessageAsync(Guid caseId, SubmitMessage command, CancellationToken ct = default) => CaseCommandAsync(caseId, "messages", command, ct);

    /// <summary><c>GET …/messages/{mid}/envelope</c>: the caller's agency's envelope (every fetch is journaled).</summary>
    public Task<EnvelopeForAgency> GetEnvelopeAsync(Guid caseId, Guid messageId, CancellationToken ct = default) =>
        GetAsync<EnvelopeForAgency>($"api/cases/{caseId}/messages/{messageId}/envelope", ct);

    /// <summary><c>POST …/messages/{mid}/rewraps</c>: adds a re-wrapped header for an added agency.</summary>
    public Task<CommandAccepted> AddRewrapAsync(Guid caseId, AddRewrap command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return CaseCommandAsync(caseId, $"messages/{command.MessageId}/rewraps", command, ct);
    }

    /// <summary>
    /// <c>GET …/messages/{mid}/attachments/{aid}/header</c>: the attachment's key header re-wrapped for the caller's agency
    /// when the message was forwarded to it (403 when there is none for the agency). Check its digest against the
    /// forwarding statement before use.
    /// </summary>
    public async Task<byte[]> GetAttachmentHeaderAsync(Guid caseId, Guid messageId, Guid attachmentId, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(
            HttpMethod.Get, $"api/cases/{caseId}/messages/{messageId}/attachments/{attachmentId}/header", null, HttpCompletionOption.ResponseContentRead, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary><c>POST …/attachments</c>: declares a sealed attachment upload; repeating the same declaration returns its state.</summary>
    public Task<UploadState> OpenUploadAsync(Guid caseId, OpenUpload request, CancellationToken ct = default) =>
        SendAsync<UploadState>(HttpMethod.Post, $"api/cases/{caseId}/attachments", request, ct);

    /// <summary><c>HEAD …/attachments/{aid}</c>: how many bytes of the upload are durable on the hub, and whether it is complete.</summary>
    public async Task<(long Offset, bool Complete)> GetUploadOffsetAsync(Guid caseId, Guid attachmentId, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(HttpMethod.Head, $"api/cases/{caseId}/attachments/{attachmentId}", null, HttpCompletionOption.ResponseContentRead, ct);
        var offset = response.Headers.TryGetValues("Upload-Offset", out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new HubApiException(response.StatusCode, "No Upload-Offset", "The hub did not say how far the upload is.");
        return (offset, response.Headers.TryGetValues("Upload-Complete", out var complete) && complete.FirstOrDefault() == "?1");
    }

    /// <summary><c>PUT …/attachments/{aid}/chunks/{offset}</c>: sends sealed bytes at the upload's durable offset (409 at any other offset).</summary>
    public async Task<UploadState> PutChunkAsync(Guid caseId, Guid attachmentId, long offset, ReadOnlyMemory<byte> chunk, CancellationToken ct = default)
    {
        var content = new ReadOnlyMemoryContent(chunk);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await SendRawAsync(
            HttpMethod.Put, string.Create(CultureInfo.InvariantCulture, $"api/cases/{caseId}/attachments/{attachmentId}/chunks/{offset}"), content, HttpCompletionOption.ResponseContentRead, ct);
        return await ReadAsync<UploadState>(response, ct);
    }

    /// <summary><c>POST …/attachments/{aid}/completion</c>: the hub checks the stored bytes against the declared SHA-256 and records the attachment (400 on a mismatch).</summary>
    public Task<UploadState> CompleteUploadAsync(Guid caseId, Guid attachmentId, CancellationToken ct = default) =>
        SendAsync<UploadState>(HttpMethod.Post, $"api/cases/{caseId}/attachments/{attachmentId}/completion", null, ct);

    /// <summary><c>GET …/attachments/{aid}</c>: copies the sealed bytes into <paramref name="destination"/> (the download is journaled). Verify before use.</summary>
    public Task DownloadAttachmentAsync(Guid caseId, Guid attachmentId, Stream destination, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return ReadAttachmentAsync(caseId, attachmentId, async (body, token) =>
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, token)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), token);
                total += read;
                progress?.Report(total);
            }

            return total;
        }, ct);
    }

    /// <summary>
    /// <c>GET …/attachments/{aid}</c>: hands the sealed bytes to <paramref name="read"/> as a forward-only stream while they
    /// arrive (the download is journaled). Verify before use.
    /// </summary>
    public async Task<T> ReadAttachmentAsync<T>(Guid caseId, Guid attachmentId, Func<Stream, CancellationToken, Task<T>> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var response = await SendRawAsync(HttpMethod.Get, $"api/cases/{caseId}/attachments/{attachmentId}", null, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await read(body, ct);
    }

    /// <summary><c>GET /api/inbox?after=N&amp;limit=L</c>: the caller's agency's inbox after sequence <paramref name="after"/>.</summary>
    public Task<InboxPage> ReadInboxAsync(long after = 0, int limit = 100, CancellationToken ct = default) =>
        GetAsync<InboxPage>(string.Create(CultureInfo.InvariantCulture, $"api/inbox?after={after}&limit={limit}"), ct);

    /// <summary>
    /// <c>GET /api/cases/{id}/audit/export</c>: the case's evidence bundle (auditors and admins), as the exact bytes
    /// the hub sent, for <see cref="Audit.EvidenceBundleVerifier"/> or a file.
    /// </summary>
    public async Task<byte[]> ExportEvidenceAsync(Guid caseId, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, $"api/cases/{caseId}/audit/export", null, HttpCompletionOption.ResponseContentRead, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary><c>GET /api/stats</c>: per-hop percentiles per agency and country, victims identified per year.</summary>
    public Task<NetworkStats> GetStatsAsync(CancellationToken ct = default) => GetAsync<NetworkStats>("api/stats", ct);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private Task<CommandAccepted> CaseCommandAsync<TBody>(Guid caseId, string path, TBody body, CancellationToken ct) =>
        SendAsync<CommandAccepted>(HttpMethod.Post, $"api/cases/{caseId}/{path}", body, ct);

    private Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var content = body is null ? null : JsonContent.Create(body, body.GetType(), options: HubJson.Options);
        using var response = await SendRawAsync(method, path, content, HttpCompletionOption.ResponseContentRead, ct);
        return await ReadAsync<T>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(HubJson.Options, ct)
            ?? throw new HubApiException(response.StatusCode, "Empty response", $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned no body.");

    /// <summary>Sends with the bearer token; an error status becomes a <see cref="HubApiException"/>, success returns the response (the caller disposes it).</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, HttpCompletionOption completion, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _token(ct));
        var response = await _http.SendAsync(request, completion, ct);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemReader.ReadAsync(response, ct);
            }
        }

        return response;
    }

    private static string Esc(string value) => Uri.EscapeDataString(value ?? throw new ArgumentNullException(nameof(value)));
}

// The development identity provider's token endpoint (RFC 6749 §4.3 password grant for seeded demo
// users, and the hub's own urn:hub:dev:user grant for an ad-hoc user). It exists only on a hub running
// in Development; production sign-in goes through Entra ID.
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Client.Wire;

namespace Hub.Client.Api;

/// <summary>Gets bearer tokens from a development hub's built-in identity provider.</summary>
public sealed class DevIdentityClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for the hub at <paramref name="baseAddress"/>; <paramref name="handler"/> for in-process test servers.</summary>
    public DevIdentityClient(Uri baseAddress, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseAddress };
    }

    /// <summary>A token for a seeded demo user, e.g. <c>analyst@be-hotline.test</c>.</summary>
    public Task<string> TokenForUserAsync(string userName, CancellationToken ct = default) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = userName }, ct);

    /// <summary>A token for an ad-hoc user of <paramref name="agencyId"/> with the given <c>Hub.*</c> roles.</summary>
    public Task<string> TokenForRolesAsync(string agencyId, IEnumerable<string> roles, CancellationToken ct = default) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "urn:hub:dev:user", ["agency"] = agencyId, ["roles"] = string.Join(' ', roles) }, ct);

    /// <summary>The seeded demo users.</summary>
    public async Task<IReadOnlyList<DevUser>> ListUsersAsync(CancellationToken ct = default) =>
        await _http.GetFromJsonAsync<IReadOnlyList<DevUser>>(new Uri("dev-idp/users", UriKind.Relative), HubJson.Options, ct) ?? [];

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri("dev-idp/token", UriKind.Relative), content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        if (!response.IsSuccessStatusCode || !json.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
        {
            var description = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : null;
            throw new HubApiException(response.StatusCode, "Token refused", description);
        }

        return value;
    }
}

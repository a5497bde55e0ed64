// Reads an RFC 9457 problem (application/problem+json) into a HubApiException. A body that is not a
// problem (a proxy's HTML page, an empty 404) still yields the status, so callers can branch on it.
using System.Text.Json;

namespace Hub.Client.Api;

internal static class ProblemReader
{
    public static async Task<HubApiException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? title = null;
        string? detail = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (text.Length > 0)
            {
                using var problem = JsonDocument.Parse(text);
                if (problem.RootElement.ValueKind == JsonValueKind.Object)
                {
                    title = String(problem.RootElement, "title");
                    detail = String(problem.RootElement, "detail");
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document; the status alone has to do.
        }

        return new HubApiException(response.StatusCode, title ?? response.ReasonPhrase, detail);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text.Json;

namespace Hub.Cli.Session;

/// <summary>Reads a JWT's <c>exp</c> to tell the user when to sign in again. Not validation: the hub validates every call.</summary>
internal static class TokenExpiry
{
    public static DateTimeOffset Of(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException("The access token is not a JWT.");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return DateTimeOffset.FromUnixTimeSeconds(json.RootElement.GetProperty("exp").GetInt64());
    }
}

// The hub's JSON conventions in one place: web defaults (camelCase, case-insensitive reads), enums as
// names only (the gateway refuses numbers), byte[] as base64 (System.Text.Json's default).
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Wire;

/// <summary>Serializer options matching the gateway's HTTP and SignalR JSON.</summary>
public static class HubJson
{
    /// <summary>Web defaults plus string enums.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the hub's conventions to <paramref name="options"/> (e.g. SignalR's payload options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

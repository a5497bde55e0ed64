// Enums travel as exact kebab-case names. JsonStringEnumConverter also accepts other casings,
// numbers in strings and comma lists; a canonical parser must not, so this one maps names exactly.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

internal sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byName = [];
    private readonly Dictionary<TEnum, string> _byValue = [];

    public WireEnumConverter()
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
            _byName.Add(name, value);
            _byValue.Add(value, name);
        }
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of {string.Join(", ", _byName.Keys)} as a string.");
        }

        var text = reader.GetString()!;
        return _byName.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"\"{text}\" is not one of {string.Join(", ", _byName.Keys)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_byValue.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{typeof(TEnum).Name} value {value} has no wire name."));
    }

    /// <summary>The wire names, for documentation and messages.</summary>
    internal IReadOnlyCollection<string> Names => _byName.Keys;
}

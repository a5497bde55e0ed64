// The one set of JSON options for content: strict on read (no duplicate members, no nulls where the
// schema has none, required members present, exact enum names), canonical on write (declared member
// order, unknown members after known ones, nulls and empty lists omitted, no indentation).
using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hub.Client.Content;

internal static class ContentJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonTypeInfo<ReferralContent> TypeInfo { get; } =
        (JsonTypeInfo<ReferralContent>)Options.GetTypeInfo(typeof(ReferralContent));

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = ContentLimits.MaxDepth,
    };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            // Reflection metadata: the source generator binds init-only members through the constructor,
            // which [JsonExtensionData] does not support, and the unknown members must survive.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(OmitEmptyLists),
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Content never goes into HTML unencoded; keeping non-ASCII text as UTF-8 keeps it readable and small.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = ContentLimits.MaxDepth,
            WriteIndented = false,
        };
        options.Converters.Add(new WireEnumConverter<ReferralContentKind>());
        options.Converters.Add(new WireEnumConverter<ReportSource>());
        options.Converters.Add(new WireEnumConverter<Classification>());
        options.MakeReadOnly();
        return options;
    }

    // An empty list and a missing one mean the same; writing only one of them keeps the encoding canonical.
    private static void OmitEmptyLists(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                && !typeof(IDictionary<string, JsonElement>).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value is IEnumerable list && list.GetEnumerator().MoveNext();
            }
        }
    }
}

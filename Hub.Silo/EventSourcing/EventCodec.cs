using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Silo.Journal;

namespace Hub.Silo.EventSourcing;

/// <summary>
/// Maps a grain's event records to journal entries and back: a versioned type name and UTF-8 JSON.
/// </summary>
/// <remarks>
/// Names are part of the stored format: once an event name is written, never rename it; add a
/// <c>.v2</c> record beside the old one instead.
/// </remarks>
public sealed class EventCodec<TEvent>
    where TEvent : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<Type, string> _names = [];
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public EventCodec<TEvent> Map<T>(string name)
        where T : TEvent
    {
        _names.Add(typeof(T), name);
        _types.Add(name, typeof(T));
        return this;
    }

    public PendingEntry Encode(TEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        if (!_names.TryGetValue(type, out var name))
        {
            throw new InvalidOperationException($"Event type {type.Name} has no journal name.");
        }

        return new PendingEntry(name, JsonSerializer.SerializeToUtf8Bytes(@event, type, Json));
    }

    public TEvent Decode(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_types.TryGetValue(entry.Type, out var type))
        {
            throw new InvalidDataException($"Entry {entry.StreamId}@{entry.Version} has unknown type '{entry.Type}'.");
        }

        return (TEvent?)JsonSerializer.Deserialize(entry.Payload.Span, type, Json)
            ?? throw new InvalidDataException($"Entry {entry.StreamId}@{entry.Version} is empty.");
    }
}

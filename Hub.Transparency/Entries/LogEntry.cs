namespace Hub.Transparency.Entries;

/// <summary>One journal entry as it is committed to a stream's Merkle log.</summary>
/// <remarks>Encode it with <see cref="LogEntryEncoding"/>; the leaf is <c>SHA-256(0x00 || encoding)</c>.</remarks>
public sealed class LogEntry
{
    private readonly byte[] _payload;

    /// <summary>Creates an entry; the payload is copied.</summary>
    /// <exception cref="ArgumentException">A field is empty, negative or too long to encode.</exception>
    public LogEntry(string streamId, long version, string type, long recordedAtUnixMs, ReadOnlySpan<byte> payload)
    {
        LogEntryEncoding.Validate(streamId, version, type, payload.Length);
        StreamId = streamId;
        Version = version;
        Type = type;
        RecordedAtUnixMs = recordedAtUnixMs;
        _payload = payload.ToArray();
    }

    /// <summary>The stream (grain journal) the entry belongs to, e.g. <c>case/5f0c…</c>.</summary>
    public string StreamId { get; }

    /// <summary>Position of the entry in its stream, starting at 0; equals its leaf index.</summary>
    public long Version { get; }

    /// <summary>The event type name, e.g. <c>ReferralSubmitted</c>.</summary>
    public string Type { get; }

    /// <summary>When the hub recorded the entry, in Unix milliseconds (UTC).</summary>
    public long RecordedAtUnixMs { get; }

    /// <summary>The serialized event, opaque to the log.</summary>
    public ReadOnlyMemory<byte> Payload => _payload;
}

namespace Hub.Silo.Journal;

/// <summary>One stored entry of a stream.</summary>
/// <param name="StreamId">The stream (one per grain, e.g. <c>agency/be-hotline</c>).</param>
/// <param name="Version">1-based position in the stream; the stream's version is its last entry's.</param>
/// <param name="Type">Versioned event type name, e.g. <c>agency.defined.v1</c>.</param>
/// <param name="Payload">The event's encoded bytes; the store never looks inside.</param>
/// <param name="RecordedAt">When the store committed it.</param>
public sealed record JournalEntry(string StreamId, long Version, string Type, ReadOnlyMemory<byte> Payload, DateTimeOffset RecordedAt);

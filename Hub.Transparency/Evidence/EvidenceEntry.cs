namespace Hub.Transparency.Evidence;

/// <summary>One stream entry in a bundle. Only <paramref name="Encoded"/> is hashed; the other fields must agree with it.</summary>
/// <param name="Version">The journal version, from 1 (the encoding's version field is the leaf index, <c>Version - 1</c>).</param>
/// <param name="Type">The event type name.</param>
/// <param name="RecordedAt">When the hub recorded it, to the millisecond.</param>
/// <param name="Encoded">The canonical encoding (<see cref="Entries.LogEntryEncoding"/>), base64 in JSON.</param>
public sealed record EvidenceEntry(long Version, string Type, DateTimeOffset RecordedAt, byte[] Encoded);

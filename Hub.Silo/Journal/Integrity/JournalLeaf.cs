using Hub.Transparency.Entries;
using Hub.Transparency.Merkle;

namespace Hub.Silo.Journal.Integrity;

/// <summary>
/// The Merkle leaf of a journal entry: <c>SHA-256(0x00 || LogEntryEncoding(entry))</c>.
/// </summary>
/// <remarks>
/// Journal versions start at 1; leaf indexes (and the <c>version</c> field of the canonical
/// encoding, see <see cref="LogEntry.Version"/>) start at 0, so the entry at journal version
/// <c>v</c> is leaf <c>v - 1</c> and a stream at version <c>n</c> is a tree of size <c>n</c>.
/// </remarks>
public static class JournalLeaf
{
    /// <summary>Writes the leaf hash of an entry, given field by field as stored, to <paramref name="destination"/>.</summary>
    public static void ComputeHash(string streamId, long version, string type, long recordedAtUnixMs, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        MerkleHash.HashLeaf(LogEntryEncoding.Encode(streamId, version - 1, type, recordedAtUnixMs, payload), destination);
    }

    /// <summary>Returns the leaf hash of a stored entry.</summary>
    public static byte[] ComputeHash(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var hash = new byte[MerkleHash.Size];
        ComputeHash(entry.StreamId, entry.Version, entry.Type, entry.RecordedAt.ToUnixTimeMilliseconds(), entry.Payload.Span, hash);
        return hash;
    }

    /// <summary>The entry as the canonical log entry a client verifies.</summary>
    public static LogEntry ToLogEntry(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new LogEntry(entry.StreamId, entry.Version - 1, entry.Type, entry.RecordedAt.ToUnixTimeMilliseconds(), entry.Payload.Span);
    }
}

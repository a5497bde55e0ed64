namespace Hub.Silo.Journal;

/// <summary>Argument checks every journal implementation applies the same way.</summary>
internal static class JournalArguments
{
    public const int MaxStreamIdLength = 200;

    public static void CheckStream(string streamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        if (streamId.Length > MaxStreamIdLength)
        {
            throw new ArgumentException($"Stream ids are at most {MaxStreamIdLength} characters.", nameof(streamId));
        }
    }

    public static void CheckAppend(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries)
    {
        CheckStream(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new ArgumentException("An append needs at least one entry.", nameof(entries));
        }

        foreach (var entry in entries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.Type, nameof(entries));
        }
    }
}

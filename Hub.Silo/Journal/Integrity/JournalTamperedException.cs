namespace Hub.Silo.Journal.Integrity;

/// <summary>
/// A stream's stored entries or tree no longer match their Merkle log: someone altered the journal
/// outside the hub. Reads of the stream fail closed with this exception and serve no unverified entry.
/// It crosses grain calls (serializable), so a caller of a grain that refused to activate sees it.
/// </summary>
[GenerateSerializer, Alias("Hub.Silo.Journal.Integrity.JournalTamperedException")]
public sealed class JournalTamperedException : Exception
{
    public JournalTamperedException(string streamId, long version, JournalIntegrityCheck check, string detail)
        : base($"Stream '{streamId}' failed its integrity check ({check}) at version {version}: {detail}")
    {
        StreamId = streamId;
        Version = version;
        Check = check;
    }

    public JournalTamperedException()
        : this("Journal integrity check failed.")
    {
    }

    public JournalTamperedException(string message)
        : base(message)
    {
        StreamId = string.Empty;
    }

    public JournalTamperedException(string message, Exception innerException)
        : base(message, innerException)
    {
        StreamId = string.Empty;
    }

    /// <summary>The stream that failed.</summary>
    [Id(0)]
    public string StreamId { get; }

    /// <summary>The version (or tree size) at which the check failed.</summary>
    [Id(1)]
    public long Version { get; }

    /// <summary>What failed.</summary>
    [Id(2)]
    public JournalIntegrityCheck Check { get; }
}

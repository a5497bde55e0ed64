namespace Hub.Silo.Journal;

/// <summary>
/// An append expected the stream at one version and found it at another: someone else wrote first.
/// Nothing of the refused append was written.
/// </summary>
public sealed class JournalConflictException : Exception
{
    public JournalConflictException(string streamId, long expectedVersion, long actualVersion)
        : base($"Stream '{streamId}' is at version {actualVersion}, not the expected {expectedVersion}.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public JournalConflictException()
        : this(string.Empty, 0, 0)
    {
    }

    public JournalConflictException(string message)
        : base(message)
    {
        StreamId = string.Empty;
    }

    public JournalConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        StreamId = string.Empty;
    }

    public string StreamId { get; }

    public long ExpectedVersion { get; }

    public long ActualVersion { get; }
}

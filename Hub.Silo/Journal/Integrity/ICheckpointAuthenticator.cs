namespace Hub.Silo.Journal.Integrity;

/// <summary>
/// Tells a journal store whether a stored checkpoint is really one the hub signed, so that rewriting the
/// checkpoint rows along with a stream cannot make a forked stream pass its read check.
/// </summary>
public interface ICheckpointAuthenticator
{
    /// <summary>True when the note is signed by a hub log key and states exactly this stream, size and root.</summary>
    bool IsAuthentic(JournalCheckpoint checkpoint);
}

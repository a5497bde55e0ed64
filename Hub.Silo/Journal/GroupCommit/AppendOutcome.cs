using Hub.Silo.Journal.Integrity;

namespace Hub.Silo.Journal.GroupCommit;

/// <summary>
/// How one append of a batch ends, told to its caller only once the batch's transaction is decided. A damaged
/// stream raises the tamper alarm then, so a batch written twice raises it once.
/// </summary>
internal readonly record struct AppendOutcome(AppendRequest Request, long Version, Exception? Refusal, bool IsDamaged)
{
    public bool Refused => Refusal is not null || IsDamaged;

    public static AppendOutcome Accept(AppendRequest request, long version) => new(request, version, null, false);

    public static AppendOutcome Refuse(AppendRequest request, Exception refusal) => new(request, 0, refusal, false);

    public static AppendOutcome Damaged(AppendRequest request, long head) => new(request, head, null, true);

    public void Complete(JournalTamperAlarm alarm)
    {
        if (IsDamaged)
        {
            Request.Completion.TrySetException(alarm.Raise(Request.StreamId, Version, JournalIntegrityCheck.MissingNode, "the stored tree cannot be restored for an append"));
        }
        else if (Refusal is not null)
        {
            Request.Completion.TrySetException(Refusal);
        }
        else
        {
            Request.Completion.TrySetResult(Version);
        }
    }
}

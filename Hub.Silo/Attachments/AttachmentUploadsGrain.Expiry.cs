namespace Hub.Silo.Attachments;

/// <summary>
/// Durable expiry: one Orleans reminder per agency with open uploads (stored beside the journal, so it survives restarts)
/// abandons uploads idle past <see cref="AttachmentOptions.UploadExpiry"/> and deletes their bytes, and finishes verified
/// uploads whose hand-over to the case was interrupted. Uploads are also checked for expiry whenever they are touched.
/// </summary>
public sealed partial class AttachmentUploadsGrain
{
    private const string SweepReminder = "upload-expiry";

    /// <summary>Orleans' smallest reminder period.</summary>
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _scheduledFor;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SweepReminder)
        {
            return;
        }

        _scheduledFor = null;
        foreach (var upload in State.Uploads.Values.Where(u => IsExpired(u) || u.Phase == UploadPhase.Verified).ToList())
        {
            if (upload.Phase == UploadPhase.Verified)
            {
                await FinishAsync(upload, CancellationToken.None);
            }
            else
            {
                await AbandonAsync(upload, "expired", CancellationToken.None);
            }
        }

        await ScheduleSweepAsync();
    }

    /// <summary>Points the reminder at the earliest expiry (or a minute ahead for unfinished hand-overs), or removes it when nothing is open.</summary>
    private async Task ScheduleSweepAsync()
    {
        var now = clock.GetUtcNow();
        var due = State.Uploads.Values
            .Where(u => u.Phase is UploadPhase.Receiving or UploadPhase.Verified)
            .Select(u => u.Phase == UploadPhase.Verified ? now + TickPeriod : u.LastActivity + options.UploadExpiry)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
        DateTimeOffset? next = due == DateTimeOffset.MaxValue ? null : due;

        // Re-registering on every chunk would cost a reminder write each time; an earlier or missing schedule is enough.
        if (next is { } at && _scheduledFor is { } scheduled && scheduled <= at)
        {
            return;
        }

        if (next is { } when)
        {
            var dueIn = when - now;
            await this.RegisterOrUpdateReminder(SweepReminder, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.FromMilliseconds(1), TickPeriod);
        }
        else if (await this.GetReminder(SweepReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _scheduledFor = next;
    }
}

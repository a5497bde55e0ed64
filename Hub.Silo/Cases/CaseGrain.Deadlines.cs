namespace Hub.Silo.Cases;

/// <summary>
/// Durable deadlines: a hold's end and urgent acknowledgement SLAs. One Orleans reminder (stored beside the
/// journal) wakes the case at the earliest deadline, also after a crash or restart. A tick compares the
/// recorded deadlines with the clock rather than counting ticks, since ticks can be late or coalesced.
/// </summary>
public sealed partial class CaseGrain
{
    private const string DeadlineReminder = "deadline";

    /// <summary>Orleans' smallest reminder period; ticks after the first only matter if one is missed.</summary>
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _scheduledFor;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder || !State.IsOpen)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var due = new List<CaseEvent>();
        if (State.ActiveHold is { } hold && hold.Until <= now)
        {
            due.Add(new HoldExpired(now, "@hub", "hub-system", Guid.Empty, hold.ByAgency));
        }

        foreach (var (agency, deadline) in State.OpenAcknowledgementDeadlines().Where(d => d.Deadline <= now))
        {
            due.Add(new SlaBreached(now, "@hub", "hub-system", Guid.Empty, agency, deadline));
        }

        _scheduledFor = null;
        if (due.Count > 0)
        {
            await CommitAsync(due.ToArray(), CancellationToken.None);
        }
        else
        {
            await ScheduleDeadlineAsync();
        }
    }

    /// <summary>Points the reminder at the earliest open deadline, or removes it when none is left.</summary>
    private async Task ScheduleDeadlineAsync()
    {
        var next = NextDeadline();
        if (next == _scheduledFor)
        {
            return;
        }

        if (next is { } at)
        {
            var dueIn = at - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(DeadlineReminder, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.FromMilliseconds(1), TickPeriod);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _scheduledFor = next;
    }

    private DateTimeOffset? NextDeadline()
    {
        var deadlines = State.OpenAcknowledgementDeadlines().Select(d => d.Deadline).ToList();
        if (State.ActiveHold is { } hold)
        {
            deadlines.Add(hold.Until);
        }

        return deadlines.Count == 0 ? null : deadlines.Min();
    }
}

namespace Hub.Silo.Tests.Reminders;

/// <summary>Records every tick with the silo that delivered it, so a test can tell which cluster fired.</summary>
public sealed class ReminderProbeGrain(ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public async Task ArmAsync(TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task DisarmAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record(this.GetPrimaryKeyString(), silo.SiloAddress);
        return Task.CompletedTask;
    }
}

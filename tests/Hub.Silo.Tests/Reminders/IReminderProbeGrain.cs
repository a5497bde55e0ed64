namespace Hub.Silo.Tests.Reminders;

/// <summary>A test grain that arms one reminder and records its ticks in <see cref="ReminderTicks"/>.</summary>
[Alias("Hub.Silo.Tests.Reminders.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or moves) the probe's reminder.</summary>
    [Alias("ArmAsync")]
    Task ArmAsync(TimeSpan dueTime, TimeSpan period);

    /// <summary>Unregisters the probe's reminder, if any.</summary>
    [Alias("DisarmAsync")]
    Task DisarmAsync();
}

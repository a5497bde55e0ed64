using System.Collections.Concurrent;

namespace Hub.Silo.Tests.Reminders;

/// <summary>Reminder ticks seen in this test process, by probe key (one key per test).</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<SiloAddress>> Ticks = new();

    public static void Record(string probe, SiloAddress silo) =>
        Ticks.GetOrAdd(probe, _ => new ConcurrentQueue<SiloAddress>()).Enqueue(silo);

    /// <summary>Polls until the probe has ticked on <paramref name="silo"/> (any silo when null), or fails after the timeout.</summary>
    public static async Task WaitForTickAsync(string probe, SiloAddress? silo, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Ticks.TryGetValue(probe, out var ticks) || !ticks.Any(t => silo is null || t.Equals(silo)))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Reminder probe '{probe}' did not tick{(silo is null ? "" : $" on {silo}")} within {timeout}.");
            }
        }
    }
}

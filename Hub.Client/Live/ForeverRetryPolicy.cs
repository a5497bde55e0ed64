// Reconnect delays for the live feed: quick first attempts (a gateway restart takes seconds), then
// every two seconds for as long as the feed lives. Missed pushes are recovered by catch-up, so
// waiting costs latency only, never entries.
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Client.Live;

internal sealed class ForeverRetryPolicy : IRetryPolicy
{
    private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    public static TimeSpan Delay(long attempt) => attempt < Delays.Length ? Delays[attempt] : TimeSpan.FromSeconds(2);

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay(retryContext.PreviousRetryCount);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Gateway.Operations;

/// <summary>Ready when a grain answers from the silo and its journal answers too.</summary>
public sealed class SiloReadinessCheck(GrainReferences grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            return await grains.Readiness().CheckAsync(timeout.Token)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The silo answers but its journal does not, or seeding is still running.");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer.", ex);
        }
    }
}

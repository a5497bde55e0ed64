using System.Data.Common;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Audit;

/// <summary>
/// Every <see cref="AuditOptions.CheckpointInterval"/>, signs a checkpoint of each stream appended to since its
/// last checkpoint. A stream that fails verification is skipped (its alarm has been raised) and retried next round.
/// </summary>
public sealed partial class PeriodicCheckpointSigner(
    IJournalStore journal, ICheckpointService checkpoints, AuditOptions options, TimeProvider clock, ILogger<PeriodicCheckpointSigner> logger)
    : BackgroundService
{
    /// <summary>Signs every stream that changed since its last checkpoint; returns how many were signed.</summary>
    public async Task<int> SignChangedStreamsAsync(CancellationToken ct)
    {
        var signed = 0;
        string? after = null;
        while (await journal.ListStreamsToCheckpointAsync(after, options.SignPageSize, ct) is { Count: > 0 } page)
        {
            foreach (var streamId in page)
            {
                try
                {
                    await checkpoints.SignCheckpointAsync(streamId, ct);
                    signed++;
                }
                catch (Exception ex) when (ex is JournalTamperedException or InvalidOperationException or DbException or TimeoutException)
                {
                    LogSkipped(streamId, ex.GetType().Name);
                }
            }

            after = page[^1];
        }

        return signed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var signed = await SignChangedStreamsAsync(stoppingToken);
                    LogRound(signed);
                }
                catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException)
                {
                    // The database is away (a PostgreSQL restart, a failover): an escaped exception would stop
                    // the whole host, so the round is skipped and the next one signs what changed meanwhile.
                    LogRoundFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Periodic checkpoint round signed {Count} stream(s)")]
    private partial void LogRound(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Periodic checkpoint round failed; the next round retries")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId} was not checkpointed this round ({Reason})")]
    private partial void LogSkipped(string streamId, string reason);
}

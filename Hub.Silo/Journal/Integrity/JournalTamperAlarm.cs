using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Silo.Journal.Integrity;

/// <summary>
/// Raises the alarm when a stream fails its integrity check: an error log line (ids and the failed
/// check only, never entry bytes), one count on <c>hub.journal.tamper_detected</c> (Meter <c>Hub</c>),
/// and the <see cref="JournalTamperedException"/> to throw.
/// </summary>
public sealed partial class JournalTamperAlarm
{
    /// <summary>Name of the meter the hub's own instruments live on.</summary>
    public const string MeterName = "Hub";

    /// <summary>Name of the counter of detected tampering, tagged with <c>check</c>.</summary>
    public const string CounterName = "hub.journal.tamper_detected";

    private readonly Counter<long> _detected;
    private readonly ILogger _logger;

    public JournalTamperAlarm(IMeterFactory? meters = null, ILogger<JournalTamperAlarm>? logger = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _detected = meter.CreateCounter<long>(CounterName, unit: "{stream}", description: "Reads refused because a stream failed its Merkle integrity check.");
        _logger = logger ?? NullLogger<JournalTamperAlarm>.Instance;
    }

    /// <summary>Logs and counts the failure; returns the exception for the caller to throw.</summary>
    public JournalTamperedException Raise(string streamId, long version, JournalIntegrityCheck check, string detail)
    {
        _detected.Add(1, new KeyValuePair<string, object?>("check", check.ToString()));
        LogTampered(streamId, version, check, detail);
        return new JournalTamperedException(streamId, version, check, detail);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "JOURNAL TAMPERING DETECTED: stream {StreamId} failed {Check} at version {Version} ({Detail}); reads of it are refused")]
    private partial void LogTampered(string streamId, long version, JournalIntegrityCheck check, string detail);
}

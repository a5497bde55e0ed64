namespace Hub.Silo.Audit;

/// <summary>Configuration section <c>Hub:Audit</c>: the hub's log key, checkpoint origins and signing schedule.</summary>
public sealed class AuditOptions
{
    public const string Section = "Hub:Audit";

    /// <summary>
    /// File of the hub's current Ed25519 log key (a server key, owner-only permissions), generated on first start.
    /// Defaults to <c>hub-log.key</c> beside the journal file.
    /// </summary>
    public string? KeyPath { get; set; }

    /// <summary>First part of every checkpoint origin: <c>&lt;prefix&gt;/&lt;cluster id&gt;/&lt;stream id&gt;</c>.</summary>
    public string OriginPrefix { get; set; } = "hub.example";

    /// <summary>
    /// Verifier keys (vkeys) of earlier log keys still served and trusted after a rotation, so checkpoints
    /// they signed keep verifying until every client has the new key.
    /// </summary>
    public IList<string> PreviousKeys { get; } = [];

    /// <summary>Witness cosignature verifier keys (tlog-cosignature vkeys, type 0x04) whose cosignatures the hub accepts.</summary>
    public IList<string> Witnesses { get; } = [];

    /// <summary>How often the periodic signer checkpoints the streams that changed since their last checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Streams the periodic signer lists per page.</summary>
    public int SignPageSize { get; set; } = 200;
}

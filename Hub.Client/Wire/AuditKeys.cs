namespace Hub.Client.Wire;

/// <summary>The hub's published audit keys (<c>GET /api/audit/keys</c>): pin them out of band rather than trusting this answer.</summary>
/// <param name="LogKeys">Signed-note verifier keys of the hub's log key, the current one first.</param>
/// <param name="WitnessKeys">Cosignature verifier keys of the witnesses the hub accepts.</param>
/// <param name="OriginPrefix">Every stream's checkpoint origin is <c>&lt;OriginPrefix&gt;/&lt;stream id&gt;</c>.</param>
public sealed record AuditKeys(IReadOnlyList<string> LogKeys, IReadOnlyList<string> WitnessKeys, string OriginPrefix);

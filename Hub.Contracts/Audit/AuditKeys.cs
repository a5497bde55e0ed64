namespace Hub.Contracts.Audit;

/// <summary>The public keys clients need to verify the hub's checkpoints.</summary>
/// <param name="LogKeys">Signed-note verifier keys (vkeys) of the hub's log key: the current one first, then earlier keys still trusted.</param>
/// <param name="WitnessKeys">Cosignature verifier keys of the witnesses the hub accepts.</param>
/// <param name="OriginPrefix">Every stream's checkpoint origin is <c>&lt;OriginPrefix&gt;/&lt;stream id&gt;</c>.</param>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Audit.AuditKeys")]
public sealed record AuditKeys(
    [property: Id(0)] IReadOnlyList<string> LogKeys,
    [property: Id(1)] IReadOnlyList<string> WitnessKeys,
    [property: Id(2)] string OriginPrefix);

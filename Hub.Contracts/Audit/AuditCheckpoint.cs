namespace Hub.Contracts.Audit;

/// <summary>A case stream's signed checkpoint.</summary>
/// <param name="Origin">The checkpoint origin, <c>&lt;origin prefix&gt;/case/&lt;id&gt;</c>.</param>
/// <param name="TreeSize">Entries covered.</param>
/// <param name="RootHash">RFC 9162 root at <paramref name="TreeSize"/> (base64 in JSON).</param>
/// <param name="Note">The C2SP signed note: the hub's signature and any witness cosignatures.</param>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Audit.AuditCheckpoint")]
public sealed record AuditCheckpoint(
    [property: Id(0)] string Origin,
    [property: Id(1)] long TreeSize,
    [property: Id(2)] byte[] RootHash,
    [property: Id(3)] string Note);

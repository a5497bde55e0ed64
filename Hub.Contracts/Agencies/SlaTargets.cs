namespace Hub.Contracts.Agencies;

/// <summary>How quickly an agency commits to acknowledge a referral, per priority, in minutes.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.SlaTargets")]
public sealed record SlaTargets(
    [property: Id(0)] int AcknowledgeUrgentMinutes,
    [property: Id(1)] int AcknowledgeHighMinutes,
    [property: Id(2)] int AcknowledgeNormalMinutes)
{
    /// <summary>Used when an agency does not state its own targets.</summary>
    public static SlaTargets Default { get; } = new(15, 240, 1440);
}

namespace Hub.Client.Wire;

/// <summary>Acknowledgement targets per priority, in minutes.</summary>
/// <param name="AcknowledgeUrgentMinutes">Urgent.</param>
/// <param name="AcknowledgeHighMinutes">High.</param>
/// <param name="AcknowledgeNormalMinutes">Normal.</param>
public sealed record SlaTargets(
    int AcknowledgeUrgentMinutes,
    int AcknowledgeHighMinutes,
    int AcknowledgeNormalMinutes);

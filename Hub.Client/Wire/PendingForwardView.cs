namespace Hub.Client.Wire;

/// <summary>A forward waiting for the originator's consent.</summary>
/// <param name="ToAgency">The agency to add.</param>
/// <param name="RequestedBy">The requesting agency.</param>
/// <param name="At">When.</param>
public sealed record PendingForwardView(
    string ToAgency,
    string RequestedBy,
    DateTimeOffset At);

namespace Hub.Client.Wire;

/// <summary>One entry of an agency's inbox; <see cref="Seq"/> is gap-free and increasing per agency.</summary>
/// <param name="Seq">The sequence number.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Kind">What changed.</param>
/// <param name="At">When.</param>
public sealed record InboxItem(
    long Seq,
    Guid CaseId,
    InboxItemKind Kind,
    DateTimeOffset At);

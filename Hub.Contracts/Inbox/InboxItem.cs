namespace Hub.Contracts.Inbox;

/// <summary>What changed in a case, as an inbox entry names it.</summary>
public enum InboxItemKind
{
    ReferralReceived = 1,
    MessageReceived = 2,
    StatusChanged = 3,
    ForwardRequested = 4,
    ParticipantAdded = 5,
    HoldChanged = 6,
    TakedownChanged = 7,
    OutcomeRecorded = 8,
    Escalated = 9,
}

/// <summary>One entry of an agency's inbox. <see cref="Seq"/> is gap-free and increasing per agency.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Inbox.InboxItem")]
public sealed record InboxItem(
    [property: Id(0)] long Seq,
    [property: Id(1)] Guid CaseId,
    [property: Id(2)] InboxItemKind Kind,
    [property: Id(3)] DateTimeOffset At);

/// <summary>A case's notice to an agency; (<see cref="CaseId"/>, <see cref="CaseVersion"/>) identifies it for de-duplication.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Inbox.InboxNotice")]
public sealed record InboxNotice(
    [property: Id(0)] Guid CaseId,
    [property: Id(1)] long CaseVersion,
    [property: Id(2)] InboxItemKind Kind,
    [property: Id(3)] DateTimeOffset At);

namespace Hub.Contracts.Cases;

/// <summary>How fast a case must move. <see cref="Urgent"/> means a child at imminent risk.</summary>
public enum Priority
{
    Urgent = 1,
    High = 2,
    Normal = 3,
}

/// <summary>What the reported material is, at the level routing needs. Details stay inside the envelope.</summary>
public enum CaseCategory
{
    AbuseMaterial = 1,
    Grooming = 2,
    Sextortion = 3,
    LiveStreaming = 4,
    Other = 5,
}

/// <summary>How an agency came to take part in a case.</summary>
public enum ParticipantRole
{
    Originator = 1,
    Recipient = 2,
    Forwarded = 3,
}

/// <summary>A recipient agency's handling of the referral: <c>Delivered → Acknowledged → Accepted | Declined | InformationRequested</c>.</summary>
public enum RecipientStatus
{
    Delivered = 1,
    Acknowledged = 2,
    Accepted = 3,
    Declined = 4,
    InformationRequested = 5,
}

/// <summary>The notice-and-takedown track: <c>NoticePending → Held → Cleared → NoticeSent → Removed | NotRemoved</c>.</summary>
public enum TakedownStatus
{
    NoticePending = 1,
    Held = 2,
    Cleared = 3,
    NoticeSent = 4,
    Removed = 5,
    NotRemoved = 6,
}

/// <summary>Reason class of a takedown hold; the free-text reason stays with the police unit.</summary>
public enum HoldReason
{
    InvestigationOngoing = 1,
    VictimIdentificationInProgress = 2,
    CoordinatedAction = 3,
    Other = 4,
}

/// <summary>What happened as a result of the case.</summary>
public enum CaseOutcome
{
    InvestigationOpened = 1,
    VictimIdentified = 2,
    Closed = 3,
}

/// <summary>A sealed message's purpose. All three carry an end-to-end encrypted envelope.</summary>
public enum MessageKind
{
    Referral = 1,
    Reply = 2,
    InformationRequest = 3,
}

/// <summary>Takedown steps a hotline records.</summary>
public enum TakedownStep
{
    NoticeSent = 1,
    Removed = 2,
    NotRemoved = 3,
}

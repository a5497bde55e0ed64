namespace Hub.Contracts.Cases;

/// <summary>A case as one participant agency may see it. Routing metadata only; content is in envelopes.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.CaseView")]
public sealed record CaseView(
    [property: Id(0)] Guid CaseId,
    [property: Id(1)] string Originator,
    [property: Id(2)] Priority Priority,
    [property: Id(3)] CaseCategory Category,
    [property: Id(4)] string HostingCountry,
    [property: Id(5)] HandlingCodes Handling,
    [property: Id(6)] DateTimeOffset ReportedAt,
    [property: Id(7)] DateTimeOffset OpenedAt,
    [property: Id(8)] IReadOnlyList<ParticipantView> Participants,
    [property: Id(9)] IReadOnlyList<MessageView> Messages,
    [property: Id(10)] TakedownView Takedown,
    [property: Id(11)] IReadOnlyList<OutcomeView> Outcomes,
    [property: Id(12)] IReadOnlyList<PendingForwardView> PendingForwards,
    [property: Id(13)] long Version);

/// <summary>An agency taking part, and (for recipients) where it stands with the referral.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.ParticipantView")]
public sealed record ParticipantView(
    [property: Id(0)] string AgencyId,
    [property: Id(1)] ParticipantRole Role,
    [property: Id(2)] RecipientStatus? Status,
    [property: Id(3)] DateTimeOffset JoinedAt,
    [property: Id(4)] DateTimeOffset? AcknowledgedAt,
    [property: Id(5)] DateTimeOffset? DecidedAt);

/// <summary>A sealed message; <see cref="Readable"/> says whether the viewer's agency has a key header for it.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.MessageView")]
public sealed record MessageView(
    [property: Id(0)] Guid MessageId,
    [property: Id(1)] MessageKind Kind,
    [property: Id(2)] string FromAgency,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] IReadOnlyList<string> Recipients,
    [property: Id(5)] long PayloadBytes,
    [property: Id(6)] bool Readable);

/// <summary>
/// The takedown track. <see cref="HeldBy"/> is the holding agency for the holder itself and for police and
/// liaison participants; hotlines see only its kind and country (e.g. "PoliceUnit/NL").
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.TakedownView")]
public sealed record TakedownView(
    [property: Id(0)] TakedownStatus Status,
    [property: Id(1)] DateTimeOffset? HeldUntil,
    [property: Id(2)] string? HeldBy,
    [property: Id(3)] HoldReason? Reason,
    [property: Id(4)] DateTimeOffset? NoticeSentAt,
    [property: Id(5)] DateTimeOffset? ClosedAt,
    [property: Id(6)] TimeSpan? ReportToRemoval);

/// <summary>A recorded outcome.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.OutcomeView")]
public sealed record OutcomeView(
    [property: Id(0)] CaseOutcome Outcome,
    [property: Id(1)] string ByAgency,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Victims);

/// <summary>A forward waiting for the originator's consent.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.PendingForwardView")]
public sealed record PendingForwardView(
    [property: Id(0)] string ToAgency,
    [property: Id(1)] string RequestedBy,
    [property: Id(2)] DateTimeOffset At);

/// <summary>What an agency downloads to open a message: its own key header, the shared payload, and the signed statements.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.EnvelopeForAgency")]
public sealed record EnvelopeForAgency(
    [property: Id(0)] Guid MessageId,
    [property: Id(1)] string SenderAgency,
    [property: Id(2)] string SenderDeviceId,
    [property: Id(3)] byte[] Header,
    [property: Id(4)] byte[] Payload,
    [property: Id(5)] byte[] Statement,
    [property: Id(6)] byte[] Signature,
    [property: Id(7)] RewrapView? Rewrap);

/// <summary>The re-wrap that gave the viewer's agency its header, with the re-wrapping device's signed statement.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.RewrapView")]
public sealed record RewrapView(
    [property: Id(0)] string ByAgency,
    [property: Id(1)] string ByDeviceId,
    [property: Id(2)] byte[] Statement,
    [property: Id(3)] byte[] Signature);

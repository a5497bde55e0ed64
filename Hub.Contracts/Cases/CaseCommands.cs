namespace Hub.Contracts.Cases;

// Every command carries a client-generated CommandId: a retry with the same id returns the first
// result and writes nothing new.

/// <summary>Opens a case (hotline analysts). The case id is the grain key, chosen by the client.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.OpenCase")]
public sealed record OpenCase(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] Priority Priority,
    [property: Id(2)] CaseCategory Category,
    [property: Id(3)] string HostingCountry,
    [property: Id(4)] HandlingCodes Handling,
    [property: Id(5)] DateTimeOffset ReportedAt);

/// <summary>
/// A sealed message: the age envelope (opaque), the sender device's signed statement about it, and the
/// routing metadata the statement binds. The gateway has checked the signature and the bindings.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.SubmitMessage")]
public sealed record SubmitMessage(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] Guid MessageId,
    [property: Id(2)] MessageKind Kind,
    [property: Id(3)] string SenderDeviceId,
    [property: Id(4)] IReadOnlyList<RecipientKey> Recipients,
    [property: Id(5)] byte[] Header,
    [property: Id(6)] byte[] Payload,
    [property: Id(7)] byte[] Statement,
    [property: Id(8)] byte[] Signature);

/// <summary>A recipient agency's acknowledgement or decision on the referral.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.DecideReferral")]
public sealed record DecideReferral(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] RecipientStatus Decision);

/// <summary>Asks to add an agency to the case (forwarding). Some handling codes need the originator's consent.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.RequestForward")]
public sealed record RequestForward(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string ToAgency);

/// <summary>The originator's answer to a forward that needs consent.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.DecideConsent")]
public sealed record DecideConsent(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] string ToAgency,
    [property: Id(2)] bool Grant);

/// <summary>
/// A new recipient header for a message, made by a participant's client for an added agency: same
/// payload, content key re-wrapped; likewise the key headers of the attachments the message names
/// (<see cref="Attachments"/>, null or empty when none). The forward statement is signed by the re-wrapping
/// device and binds every header's digest.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.AddRewrap")]
public sealed record AddRewrap(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] Guid MessageId,
    [property: Id(2)] RecipientKey Recipient,
    [property: Id(3)] string SenderDeviceId,
    [property: Id(4)] byte[] Header,
    [property: Id(5)] byte[] Statement,
    [property: Id(6)] byte[] Signature,
    [property: Id(7)] IReadOnlyList<RewrappedAttachment>? Attachments = null);

/// <summary>A police unit delays the takedown notice until <see cref="Until"/> (at most the configured maximum).</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.PlaceHold")]
public sealed record PlaceHold(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] DateTimeOffset Until,
    [property: Id(2)] HoldReason Reason);

/// <summary>Lifts the caller's hold early.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.LiftHold")]
public sealed record LiftHold([property: Id(0)] Guid CommandId);

/// <summary>A hotline records a takedown step.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.RecordTakedown")]
public sealed record RecordTakedown(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] TakedownStep Step);

/// <summary>Records an outcome; <see cref="Victims"/> only with <see cref="CaseOutcome.VictimIdentified"/>.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.RecordOutcome")]
public sealed record RecordOutcome(
    [property: Id(0)] Guid CommandId,
    [property: Id(1)] CaseOutcome Outcome,
    [property: Id(2)] int Victims = 0);

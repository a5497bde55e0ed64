namespace Hub.Contracts.Cases;

/// <summary>
/// What the gateway needs to check a message before submitting it: the case's handling codes (bound in the signed
/// statement) and whether the message id is already stored (a retry: 200 instead of 201). A few fields instead of
/// the whole <see cref="CaseView"/>, whose message list grows with the case and was copied on every submit.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.SubmissionContext")]
public sealed record SubmissionContext(
    [property: Id(0)] Guid CaseId,
    [property: Id(1)] HandlingCodes Handling,
    [property: Id(2)] bool MessageKnown);

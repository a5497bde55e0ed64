namespace Hub.Client.Wire;

/// <summary>A recipient agency acknowledges or decides on the referral.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="Decision">Acknowledged, Accepted, Declined or InformationRequested.</param>
public sealed record DecideReferral(
    Guid CommandId,
    RecipientStatus Decision);

namespace Hub.Client.Wire;

/// <summary>An agency taking part in a case, and where it stands with the referral.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="Role">How it joined.</param>
/// <param name="Status">Its handling of the referral (recipients).</param>
/// <param name="JoinedAt">When it joined.</param>
/// <param name="AcknowledgedAt">When it acknowledged.</param>
/// <param name="DecidedAt">When it decided.</param>
public sealed record ParticipantView(
    string AgencyId,
    ParticipantRole Role,
    RecipientStatus? Status,
    DateTimeOffset JoinedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? DecidedAt);

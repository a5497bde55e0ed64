using Hub.Client.Content;
using Hub.Client.Wire;

namespace Hub.Cli.Referrals;

/// <summary>
/// One message of a case as this device opened it: who signed it (agency, device, fingerprint) once every
/// check passed, and its content; or, when a check failed, only why (the content is never shown then).
/// </summary>
internal sealed record OpenedMessage(
    Guid MessageId,
    MessageKind Kind,
    string SenderAgency,
    string SenderDevice,
    string? SenderFingerprint,
    DateTimeOffset? SignedAt,
    IReadOnlyList<string> HandlingCodes,
    bool Forwarded,
    ReferralContent? Content,
    byte[]? Plaintext,
    string? ContentProblem,
    string? Problem)
{
    public bool Verified => Problem is null && Plaintext is not null;
}

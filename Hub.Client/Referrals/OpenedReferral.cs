// The result of opening a referral: the verified statement (sender, codes, recipients, time) and
// the plaintext, released only after every check passed; for a forwarded referral also the verified
// forwarding statement, whose attachment digests the added agency checks re-wrapped attachment headers against.
namespace Hub.Client.Referrals;

/// <summary>A verified, decrypted referral.</summary>
/// <param name="Statement">The verified statement.</param>
/// <param name="Plaintext">The decrypted content.</param>
/// <param name="Forwarding">The verified forwarding statement when the referral was opened as a forward, else null.</param>
public sealed record OpenedReferral(ReferralStatement Statement, byte[] Plaintext, ForwardingStatement? Forwarding = null);

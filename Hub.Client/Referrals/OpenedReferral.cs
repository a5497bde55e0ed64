// The result of opening a referral: the verified statement (sender, codes, recipients, time) and
// the plaintext, released only after every check passed.
namespace Hub.Client.Referrals;

/// <summary>A verified, decrypted referral.</summary>
/// <param name="Statement">The verified statement.</param>
/// <param name="Plaintext">The decrypted content.</param>
public sealed record OpenedReferral(ReferralStatement Statement, byte[] Plaintext);

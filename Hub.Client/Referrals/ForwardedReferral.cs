// A referral forwarded to an added agency: the original signed statement, the forwarder's signed
// statement, the re-wrapped header and the original, unchanged payload.
using Hub.Client.Crypto;

namespace Hub.Client.Referrals;

/// <summary>What an added agency receives for a forwarded referral.</summary>
/// <param name="Original">The original sender's signed <see cref="ReferralStatement"/>.</param>
/// <param name="Forwarding">The forwarder's signed <see cref="ForwardingStatement"/>.</param>
/// <param name="Header">The re-wrapped age header (original stanzas plus the added agency's).</param>
/// <param name="Payload">The original age payload, byte for byte.</param>
public sealed record ForwardedReferral(SignedStatement Original, SignedStatement Forwarding, byte[] Header, byte[] Payload)
{
    /// <summary>The complete binary age file.</summary>
    public byte[] ToAgeFile() => [.. Header, .. Payload];
}

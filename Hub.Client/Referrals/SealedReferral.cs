// A sealed referral as the hub stores and relays it: the age header and payload (together one
// standard age file, header || payload) plus the sender's signed statement. The hub sees the
// statement (it is routing metadata: ids, agencies, generations, codes, digests) but no content.
using Hub.Client.Crypto;

namespace Hub.Client.Referrals;

/// <summary>An age envelope kept as header and payload, with the sender's signed <see cref="ReferralStatement"/>.</summary>
/// <param name="Header">The age v1 header bytes.</param>
/// <param name="Payload">The age v1 payload bytes.</param>
/// <param name="Statement">The encoded statement and its Ed25519 signature.</param>
public sealed record SealedReferral(byte[] Header, byte[] Payload, SignedStatement Statement)
{
    /// <summary>The complete binary age file (opens with the <c>age</c> CLI and a generation key, without the sender check).</summary>
    public byte[] ToAgeFile() => [.. Header, .. Payload];
}

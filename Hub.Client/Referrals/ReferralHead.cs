// The small part of a referral that travels apart from a streamed payload: the age header and the
// sender's signed statement. Everything in it is checked before any plaintext is released.
using Hub.Client.Crypto;

namespace Hub.Client.Referrals;

/// <summary>The age header and signed statement of a referral whose payload is streamed separately.</summary>
/// <param name="Header">The age v1 header bytes.</param>
/// <param name="Statement">The encoded statement and its Ed25519 signature.</param>
public sealed record ReferralHead(byte[] Header, SignedStatement Statement);

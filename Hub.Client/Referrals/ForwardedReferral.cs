// A referral forwarded to an added agency: the original signed statement, the forwarder's signed
// statement, the re-wrapped header, the original, unchanged payload, and the re-wrapped headers of the
// attachments the referral names (their sealed files stay as they are on the hub).
using Hub.Client.Crypto;

namespace Hub.Client.Referrals;

/// <summary>What an added agency receives for a forwarded referral.</summary>
/// <param name="Original">The original sender's signed <see cref="ReferralStatement"/>.</param>
/// <param name="Forwarding">The forwarder's signed <see cref="ForwardingStatement"/>.</param>
/// <param name="Header">The re-wrapped age header (original stanzas plus the added agency's).</param>
/// <param name="Payload">The original age payload, byte for byte.</param>
/// <param name="Attachments">Re-wrapped attachment headers, in the order the forwarding statement lists them (none for a forward without attachments).</param>
public sealed record ForwardedReferral(
    SignedStatement Original, SignedStatement Forwarding, byte[] Header, byte[] Payload, IReadOnlyList<ForwardedAttachmentHeader>? Attachments = null)
{
    /// <summary>The complete binary age file.</summary>
    public byte[] ToAgeFile() => [.. Header, .. Payload];
}

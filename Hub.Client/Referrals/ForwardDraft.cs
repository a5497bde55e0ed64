// A forward between its two steps: the original verified and its header re-wrapped for the added agency (the file key
// is already zeroed), waiting for the re-wrapped attachment headers and the forwarding time before it is signed. The
// split lets a forwarder that must read the content first (to find the attachments it names) verify and unwrap the
// message once, and still keep no file key while the attachments download.
using System.Security.Cryptography;
using Hub.Client.Keys;

namespace Hub.Client.Referrals;

/// <summary>A verified referral with its header re-wrapped for <see cref="Added"/>, not yet signed.</summary>
/// <param name="Original">The referral as delivered (its statement, header and payload verified).</param>
/// <param name="Header">The re-wrapped header: the original stanzas plus one for <see cref="Added"/>.</param>
/// <param name="Forwarder">The agency and device that will sign the forwarding statement.</param>
/// <param name="Added">The added agency's generation.</param>
internal sealed record ForwardDraft(SealedReferral Original, byte[] Header, ReferralSender Forwarder, AgencyGenerationKey Added)
{
    /// <summary>Signs the forwarding statement over the re-wrapped header and <paramref name="attachments"/> (ordered by id).</summary>
    /// <exception cref="ArgumentException">An attachment header is missing, or an attachment appears twice.</exception>
    public ForwardedReferral Sign(DateTimeOffset forwardedAt, IReadOnlyList<ForwardedAttachmentHeader>? attachments)
    {
        var ordered = (attachments ?? []).Order(Comparer<ForwardedAttachmentHeader>.Create((a, b) => AttachmentHeaderDigest.CompareIds(a.AttachmentId, b.AttachmentId))).ToList();
        var digests = ordered.Select(a => new AttachmentHeaderDigest(a.AttachmentId, SHA256.HashData(a.Header ?? throw new ArgumentException("An attachment header is missing.", nameof(attachments))))).ToList();
        var forwarding = new ForwardingStatement(
            SHA256.HashData(Original.Statement.Statement), SHA256.HashData(Header), Added.AgencyId, Added.Generation,
            Forwarder.AgencyId, Forwarder.Device.DeviceId, forwardedAt, digests);
        return new ForwardedReferral(Original.Statement, forwarding.Sign(Forwarder.Device), Header, Original.Payload, ordered);
    }
}

// An attachment's key header re-wrapped for an added agency: the attachment's own stanzas plus one for the added
// agency's generation, MACed under the attachment's unchanged file key. The sealed file itself is never re-encrypted
// or re-uploaded; the added agency takes the file key from this header and decrypts the original file's payload.
namespace Hub.Client.Referrals;

/// <summary>A re-wrapped age header for one attachment, bound by digest into the forwarder's signed statement.</summary>
/// <param name="AttachmentId">The attachment (as the forwarded message's signed content names it).</param>
/// <param name="Header">The new age header bytes.</param>
public sealed record ForwardedAttachmentHeader(Guid AttachmentId, byte[] Header);

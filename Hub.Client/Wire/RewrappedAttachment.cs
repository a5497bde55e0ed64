namespace Hub.Client.Wire;

/// <summary>An attachment's key header re-wrapped for the agency a re-wrap is for (the sealed file itself is unchanged).</summary>
/// <param name="AttachmentId">The attachment, stored in the case.</param>
/// <param name="Header">The new age header: the attachment's stanzas plus the added agency's.</param>
public sealed record RewrappedAttachment(Guid AttachmentId, byte[] Header);

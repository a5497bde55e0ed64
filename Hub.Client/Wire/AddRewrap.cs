namespace Hub.Client.Wire;

/// <summary>A re-wrapped key header for an agency added to the case, with the forwarder's signed statement.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="MessageId">The message.</param>
/// <param name="Recipient">The added agency and generation.</param>
/// <param name="SenderDeviceId">The re-wrapping device.</param>
/// <param name="Header">The new header.</param>
/// <param name="Statement">The canonical forwarding statement.</param>
/// <param name="Signature">The device's signature.</param>
/// <param name="Attachments">
/// Re-wrapped headers of the attachments the message names, for the same agency; the statement (version 2) binds each
/// one's SHA-256. Null or empty when the message names none.
/// </param>
public sealed record AddRewrap(
    Guid CommandId,
    Guid MessageId,
    RecipientKey Recipient,
    string SenderDeviceId,
    byte[] Header,
    byte[] Statement,
    byte[] Signature,
    IReadOnlyList<RewrappedAttachment>? Attachments = null);

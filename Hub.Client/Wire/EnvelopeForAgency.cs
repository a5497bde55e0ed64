namespace Hub.Client.Wire;

/// <summary>What an agency downloads to open a message: its key header, the payload and the signed statements.</summary>
/// <param name="MessageId">The message.</param>
/// <param name="SenderAgency">The sender agency.</param>
/// <param name="SenderDeviceId">The sender device.</param>
/// <param name="Header">The header for the caller's agency (original or re-wrapped).</param>
/// <param name="Payload">The payload.</param>
/// <param name="Statement">The sender's canonical statement.</param>
/// <param name="Signature">Its signature.</param>
/// <param name="Rewrap">The re-wrap, if the caller's agency was added by forwarding.</param>
public sealed record EnvelopeForAgency(
    Guid MessageId,
    string SenderAgency,
    string SenderDeviceId,
    byte[] Header,
    byte[] Payload,
    byte[] Statement,
    byte[] Signature,
    RewrapView? Rewrap);

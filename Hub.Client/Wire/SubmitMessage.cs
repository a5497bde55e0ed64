namespace Hub.Client.Wire;

/// <summary>A sealed message: age header and payload, the sender device's signed statement, and what it binds.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="MessageId">The message id (also bound by the statement).</param>
/// <param name="Kind">Its purpose.</param>
/// <param name="SenderDeviceId">The signing device.</param>
/// <param name="Recipients">Recipient agencies at their current generations.</param>
/// <param name="Header">The age header.</param>
/// <param name="Payload">The age payload.</param>
/// <param name="Statement">The canonical referral statement.</param>
/// <param name="Signature">The device's signature.</param>
public sealed record SubmitMessage(
    Guid CommandId,
    Guid MessageId,
    MessageKind Kind,
    string SenderDeviceId,
    IReadOnlyList<RecipientKey> Recipients,
    byte[] Header,
    byte[] Payload,
    byte[] Statement,
    byte[] Signature);

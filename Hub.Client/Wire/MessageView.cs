namespace Hub.Client.Wire;

/// <summary>A sealed message as routing metadata; <see cref="Readable"/> says whether the viewer's agency has a key header.</summary>
/// <param name="MessageId">The message.</param>
/// <param name="Kind">Its purpose.</param>
/// <param name="FromAgency">The sender agency.</param>
/// <param name="At">When it was submitted.</param>
/// <param name="Recipients">Agencies that can read it.</param>
/// <param name="PayloadBytes">Payload size.</param>
/// <param name="Readable">Whether the viewer's agency can fetch it.</param>
public sealed record MessageView(
    Guid MessageId,
    MessageKind Kind,
    string FromAgency,
    DateTimeOffset At,
    IReadOnlyList<string> Recipients,
    long PayloadBytes,
    bool Readable);

namespace Hub.Client.Wire;

/// <summary>An existing generation's private key wrapped (age) to one more active device of the agency (admins).</summary>
/// <param name="CommandId">Client-generated; a retry with the same id writes nothing new.</param>
/// <param name="DeviceId">The device it is wrapped to.</param>
/// <param name="WrappedBy">The admin's device that holds the generation and wrapped it.</param>
/// <param name="Envelope">The age file holding the generation key record, with one stanza for the device.</param>
public sealed record WrapGeneration(
    Guid CommandId,
    string DeviceId,
    string WrappedBy,
    byte[] Envelope);

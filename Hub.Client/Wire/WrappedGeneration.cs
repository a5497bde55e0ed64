namespace Hub.Client.Wire;

/// <summary>A generation's private key, age-encrypted to one device of the caller's agency.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="Generation">The generation number.</param>
/// <param name="DeviceId">The device it is wrapped to.</param>
/// <param name="Envelope">The age file.</param>
public sealed record WrappedGeneration(
    string AgencyId,
    int Generation,
    string DeviceId,
    byte[] Envelope);

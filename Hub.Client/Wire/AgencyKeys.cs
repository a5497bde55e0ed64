namespace Hub.Client.Wire;

/// <summary>An agency's public key directory (<c>GET /api/agencies/{id}/keys</c>).</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="Devices">Its member devices, active and revoked.</param>
/// <param name="Generations">Its key generations, oldest first.</param>
/// <param name="Version">The agency stream's version.</param>
public sealed record AgencyKeys(
    string AgencyId,
    IReadOnlyList<DeviceEntry> Devices,
    IReadOnlyList<GenerationEntry> Generations,
    long Version);

namespace Hub.Client.Wire;

/// <summary>The re-wrap that gave the viewer's agency its header.</summary>
/// <param name="ByAgency">The forwarding agency.</param>
/// <param name="ByDeviceId">The forwarding device.</param>
/// <param name="Statement">The canonical forwarding statement.</param>
/// <param name="Signature">Its signature.</param>
public sealed record RewrapView(
    string ByAgency,
    string ByDeviceId,
    byte[] Statement,
    byte[] Signature);

namespace Hub.Gateway.Live;

/// <summary>SignalR group names.</summary>
public static class LiveGroups
{
    public static string Agency(string agencyId) => $"agency:{agencyId}";
}

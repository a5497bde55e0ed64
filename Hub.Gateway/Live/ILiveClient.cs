namespace Hub.Gateway.Live;

/// <summary>
/// Methods the hub calls on connected clients. Their names are the wire protocol: no Async suffix.
/// Pushes carry ids and sequence numbers only; content is fetched over HTTP.
/// </summary>
public interface ILiveClient
{
    /// <summary>Something new is in the agency's inbox at <paramref name="seq"/>.</summary>
    Task InboxChanged(string agencyId, long seq);
}

using Hub.Contracts.Inbox;

namespace Hub.Gateway.Live;

/// <summary>
/// Methods the hub calls on connected clients. Their names are the wire protocol: no Async suffix.
/// Pushes carry ids and sequence numbers only; content is fetched over HTTP.
/// </summary>
public interface ILiveClient
{
    /// <summary>A new entry is in the agency's inbox; fetch it with <c>GET /api/inbox?after=seq-1</c>.</summary>
    Task InboxChanged(InboxPush push);
}

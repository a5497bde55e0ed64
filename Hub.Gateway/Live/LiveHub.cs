using Hub.Gateway.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Gateway.Live;

/// <summary>
/// <c>/hubs/live</c>: each connection joins its own agency's group and nothing else, so pushes for one
/// agency never reach another's users.
/// </summary>
[Authorize(Policy = AuthExtensions.AgencyMemberPolicy)]
public sealed class LiveHub(CallerResolver callers, InboxFeed feed) : Hub<ILiveClient>
{
    public override async Task OnConnectedAsync()
    {
        var caller = callers.Resolve(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Agency(caller.AgencyId));
        await feed.WatchAsync(caller.AgencyId, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>The agency binding of this connection, as the hub sees it.</summary>
    public WhoAmI WhoAmI() => Auth.WhoAmI.From(Context.User!, callers.Resolve(Context.User!));
}

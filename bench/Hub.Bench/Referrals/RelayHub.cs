namespace Hub.Bench.Referrals;

/// <summary>The baseline relay's hub: every connection joins the one agency group.</summary>
public sealed class RelayHub : Microsoft.AspNetCore.SignalR.Hub
{
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "be-police");
        await base.OnConnectedAsync();
    }
}

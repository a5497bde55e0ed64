namespace Hub.Contracts.Inbox;

/// <summary>A gateway listening for new inbox entries of the agencies its users are connected for.</summary>
[Alias("Hub.Contracts.Inbox.IInboxObserver")]
public interface IInboxObserver : IGrainObserver
{
    [Alias("InboxChanged")]
    void InboxChanged(string agencyId, InboxItem item);
}

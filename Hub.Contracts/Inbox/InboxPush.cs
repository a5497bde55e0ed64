namespace Hub.Contracts.Inbox;

/// <summary>What SignalR pushes to an agency's users: a hint to fetch, never content.</summary>
public sealed record InboxPush(string AgencyId, long Seq, Guid CaseId, InboxItemKind Kind);

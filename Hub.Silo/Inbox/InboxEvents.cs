using Hub.Contracts.Inbox;
using Hub.Silo.EventSourcing;

namespace Hub.Silo.Inbox;

/// <summary>One inbox entry; its sequence number is its version in the agency's inbox stream.</summary>
public sealed record InboxEntryAdded(Guid CaseId, long CaseVersion, InboxItemKind Kind, DateTimeOffset At);

internal static class InboxEvents
{
    public static EventCodec<InboxEntryAdded> Codec { get; } = new EventCodec<InboxEntryAdded>().Map<InboxEntryAdded>("inbox.entry-added.v1");

    public static string StreamId(string agencyId) => $"inbox/{agencyId}";
}

using Orleans.Concurrency;

namespace Hub.Contracts.Inbox;

/// <summary>An agency's inbox (keyed by agency id): every case event that concerns the agency, in order.</summary>
[Alias("Hub.Contracts.Inbox.IAgencyInboxGrain")]
public interface IAgencyInboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds a case's notice once. Cases deliver their notices in case-version order, so a notice at or below
    /// the last case version seen from that case is a redelivery and writes nothing.
    /// </summary>
    /// <remarks>
    /// Interleaved so that one agency's inbox, which hears from every case it takes part in, can journal the
    /// notices waiting at one moment in a single append instead of one commit after another.
    /// </remarks>
    [Alias("DeliverAsync"), AlwaysInterleave]
    Task DeliverAsync(InboxNotice notice, CancellationToken ct = default);

    /// <summary>Entries after <paramref name="afterSeq"/>, oldest first; only for members of this agency.</summary>
    [Alias("ReadAsync")]
    Task<IReadOnlyList<InboxItem>?> ReadAsync(Caller caller, long afterSeq, int limit, CancellationToken ct = default);

    [Alias("SubscribeAsync")]
    Task SubscribeAsync(IInboxObserver observer, CancellationToken ct = default);

    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IInboxObserver observer, CancellationToken ct = default);
}

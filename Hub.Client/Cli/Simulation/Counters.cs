namespace Hub.Cli.Simulation;

/// <summary>Names of the run's counters (also the summary's vocabulary).</summary>
internal static class Counters
{
    public const string Planned = "planned";
    public const string CasesOpened = "casesOpened";
    public const string Unroutable = "unroutable";
    public const string Submitted = "submitted";
    public const string Acknowledged = "acknowledged";
    public const string SubmitFailed = "submitFailed";
    public const string Expected = "deliveriesExpected";
    public const string PushesReceived = "pushesReceived";
    public const string Delivered = "delivered";
    public const string Decrypted = "decrypted";
    public const string Acknowledgements = "acknowledgements";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string HoldsPlaced = "holdsPlaced";
    public const string HoldsLifted = "holdsLifted";
    public const string Notices = "notices";
    public const string Removed = "removed";
    public const string NotRemoved = "notRemoved";
    public const string Investigations = "investigations";
    public const string VictimsIdentified = "victimsIdentified";
    public const string Completed = "completed";
    public const string InboxEntries = "inboxEntries";
}

using Hub.Contracts;
using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;
using Hub.Contracts.Stats;
using Hub.Silo.Seeding;

namespace Hub.Silo.Tests.Cases;

/// <summary>Drives one case through the grain API as demo users would, with opaque stand-ins for sealed bytes.</summary>
public sealed class CaseDriver(SiloClusterFixture fixture, Guid? caseId = null)
{
    // Polling bounds, not expectations: a slow machine only makes a wait longer, never a test fail by itself.
    private static readonly TimeSpan BoundedWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public Guid CaseId { get; } = caseId ?? Guid.NewGuid();

    public ICaseGrain Grain => fixture.Client.GetGrain<ICaseGrain>(CaseId);

    /// <summary>A demo user as a caller, e.g. <c>As("be-hotline", "analyst")</c>.</summary>
    public static Caller As(string agency, string roleWord)
    {
        var user = DemoNetwork.Users.Single(u => u.UserName == DemoNetwork.UserName(agency, roleWord));
        return new Caller(user.AgencyId, user.ObjectId.ToString(), user.Roles);
    }

    public static HandlingCodes H2Amber { get; } = new("H2", "TLP:AMBER");

    public Task<CaseResult> OpenAsync(Caller? by = null, HandlingCodes? handling = null, Guid? commandId = null) =>
        Grain.OpenAsync(by ?? As("be-hotline", "analyst"), new OpenCase(commandId ?? Guid.NewGuid(), Priority.Normal, CaseCategory.AbuseMaterial, "NL", handling ?? H2Amber, DateTimeOffset.UtcNow.AddHours(-2)));

    public static SubmitMessage Message(Guid messageId, MessageKind kind, params string[] recipients) =>
        new(Guid.NewGuid(), messageId, kind, "device-1", [.. recipients.Select(r => new RecipientKey(r, 1))],
            Header: [1, 2, 3, (byte)messageId.GetHashCode()], Payload: messageId.ToByteArray(), Statement: [9, 9, 9], Signature: new byte[64]);

    public Task<CaseResult> ReferAsync(Guid messageId, params string[] recipients) =>
        Grain.SubmitMessageAsync(As("be-hotline", "analyst"), Message(messageId, MessageKind.Referral, ["be-hotline", .. recipients]));

    public async Task<IReadOnlyList<InboxItem>> InboxOfCaseAsync(string agency, string roleWord)
    {
        var items = await fixture.Client.GetGrain<IAgencyInboxGrain>(agency).ReadAsync(As(agency, roleWord), 0, 500);
        return [.. items!.Where(i => i.CaseId == CaseId)];
    }

    /// <summary>
    /// The case's items in an agency's inbox once <paramref name="until"/> holds for them (or as they are when the bounded
    /// wait runs out, for the assertion to report): notices follow a command after it returned, not with it.
    /// </summary>
    public async Task<IReadOnlyList<InboxItem>> WaitForInboxAsync(string agency, string roleWord, Func<IReadOnlyList<InboxItem>, bool> until)
    {
        var giveUpAt = DateTime.UtcNow + BoundedWait;
        while (true)
        {
            var items = await InboxOfCaseAsync(agency, roleWord);
            if (until(items) || DateTime.UtcNow >= giveUpAt)
            {
                return items;
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The network's measurements once <paramref name="until"/> holds for them, within the same bounded wait.</summary>
    public async Task<NetworkStats> WaitForStatsAsync(Func<NetworkStats, bool> until)
    {
        var giveUpAt = DateTime.UtcNow + BoundedWait;
        while (true)
        {
            var stats = await fixture.Client.GetGrain<IStatsGrain>(IStatsGrain.Key).GetAsync();
            if (until(stats) || DateTime.UtcNow >= giveUpAt)
            {
                return stats;
            }

            await Task.Delay(PollInterval);
        }
    }

    public Task<long> JournalVersionAsync() => fixture.Journal.GetVersionAsync($"case/{CaseId:N}");
}

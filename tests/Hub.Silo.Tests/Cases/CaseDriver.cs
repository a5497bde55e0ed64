using Hub.Contracts;
using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;
using Hub.Silo.Seeding;

namespace Hub.Silo.Tests.Cases;

/// <summary>Drives one case through the grain API as demo users would, with opaque stand-ins for sealed bytes.</summary>
public sealed class CaseDriver(SiloClusterFixture fixture, Guid? caseId = null)
{
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

    public Task<long> JournalVersionAsync() => fixture.Journal.GetVersionAsync($"case/{CaseId:N}");
}

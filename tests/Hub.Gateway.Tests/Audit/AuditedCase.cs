using System.Net.Http.Json;
using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Transparency.Notes;

namespace Hub.Gateway.Tests.Audit;

/// <summary>
/// A case worked through the grain API by demo callers (sealed bytes are opaque stand-ins: the grain never opens
/// them): the Belgian hotline refers to the Belgian police, which acknowledges and fetches the envelope.
/// </summary>
internal sealed class AuditedCase(AuditHub hub)
{
    public Guid Id { get; } = Guid.NewGuid();

    public string AuditPath => $"/api/cases/{Id}/audit";

    public ICaseGrain Grain => hub.Orleans.GetGrain<ICaseGrain>(Id);

    public static async Task<AuditedCase> OpenAndWorkAsync(AuditHub hub)
    {
        var audited = new AuditedCase(hub);
        var analyst = AuditHub.As("be-hotline", "analyst");
        var police = AuditHub.As("be-police", "investigator");
        var messageId = Guid.NewGuid();
        Done(await audited.Grain.OpenAsync(analyst, new OpenCase(Guid.NewGuid(), Priority.Normal, CaseCategory.AbuseMaterial, "NL", new HandlingCodes("H2", "TLP:AMBER"), DateTimeOffset.UtcNow.AddHours(-1))));
        Done(await audited.Grain.SubmitMessageAsync(analyst, new SubmitMessage(
            Guid.NewGuid(), messageId, MessageKind.Referral, "device-1", [new RecipientKey("be-hotline", 1), new RecipientKey("be-police", 1)],
            Header: [1, 2, 3, 4], Payload: messageId.ToByteArray(), Statement: [9, 9, 9], Signature: new byte[64])));
        Done(await audited.Grain.DecideAsync(police, new DecideReferral(Guid.NewGuid(), RecipientStatus.Acknowledged)));
        Done((await audited.Grain.FetchEnvelopeAsync(police, messageId)).Result);
        return audited;
    }

    /// <summary>The hub's current log key as anyone fetches it (the key an auditor pins).</summary>
    public static async Task<Ed25519NoteVerifier> LogKeyAsync(HttpClient client)
    {
        var keys = await client.GetFromJsonAsync<AuditKeys>(new Uri("/api/audit/keys", UriKind.Relative));
        Assert.True(Ed25519NoteVerifier.TryParse(keys!.LogKeys[0], out var key));
        return key;
    }

    public Uri Path(string relative) => new(AuditPath + relative, UriKind.Relative);

    private static void Done(CaseResult result) => Assert.True(result.Status == CaseResultStatus.Done, result.Problem);
}

using Hub.Client.Api;
using Hub.Client.Wire;

namespace Hub.Gateway.Tests.Sdk;

/// <summary>Fresh agencies with unique ids, so tests on the shared hub never meet each other's keys or cases.</summary>
public static class TestAgencies
{
    public static string UniqueId(string prefix, string kind) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}-{kind}";

    /// <summary>Defines the agency (its own admin) and sets up its keys and a duty user with <paramref name="dutyRole"/>.</summary>
    public static async Task<AgencyDesk> DefineAsync(SdkWorld world, string agencyId, AgencyKind kind, string dutyRole)
    {
        var admin = await world.SignInAsync(agencyId, "Hub.AgencyAdmin");
        using (var api = new HubApiClient(admin))
        {
            await api.DefineAgencyAsync(agencyId, new AgencyDefinition(kind, "LU", $"{agencyId} (test)", null));
        }

        return await AgencyDesk.SetUpAsync(agencyId, admin, await world.SignInAsync(agencyId, dutyRole));
    }

    /// <summary>A hotline that opened a case (SIENA H1, TLP:AMBER) and a police unit to refer it to.</summary>
    public static async Task<(AgencyDesk Sender, AgencyDesk Recipient, Guid CaseId)> HotlineCaseAsync(SdkWorld world, string prefix)
    {
        var sender = await DefineAsync(world, UniqueId(prefix, "hotline"), AgencyKind.Hotline, "Hub.Analyst");
        var recipient = await DefineAsync(world, UniqueId(prefix, "police"), AgencyKind.PoliceUnit, "Hub.Investigator");
        var caseId = Guid.NewGuid();
        await sender.Api.OpenCaseAsync(new OpenCaseRequest(
            caseId, Guid.NewGuid(), Priority.High, CaseCategory.AbuseMaterial, "LU", new CaseHandling("H1", "TLP:AMBER"), DateTimeOffset.UtcNow));
        return (sender, recipient, caseId);
    }
}

using Hub.Contracts.Agencies;
using Hub.Contracts.Attachments;
using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;
using Hub.Contracts.Operations;
using Hub.Contracts.Stats;
using Hub.Gateway.Operations;
using Hub.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Gateway.Tests.Operations;

/// <summary>The gateway's resolved-once grain references address exactly the grains Orleans' own GetGrain does.</summary>
[Collection(SharedHubGroup.Name)]
public sealed class GrainReferencesTests(SharedHub hub)
{
    private IClusterClient Orleans => hub.Services.GetRequiredService<IClusterClient>();

    private GrainReferences References => hub.Services.GetRequiredService<GrainReferences>();

    [Fact]
    public void CaseReferencesMatchOrleansOwnForEveryKey()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.Equal(Orleans.GetGrain<ICaseGrain>(first).GetGrainId(), References.Case(first).GetGrainId());
        Assert.Equal(Orleans.GetGrain<ICaseGrain>(second).GetGrainId(), References.Case(second).GetGrainId());
        Assert.NotEqual(References.Case(first).GetGrainId(), References.Case(second).GetGrainId());
    }

    [Fact]
    public void AgencyReferencesMatchOrleansOwnForEveryKey()
    {
        Assert.Equal(Orleans.GetGrain<IAgencyGrain>("be-hotline").GetGrainId(), References.Agency("be-hotline").GetGrainId());
        Assert.Equal(Orleans.GetGrain<IAgencyGrain>("nl-police").GetGrainId(), References.Agency("nl-police").GetGrainId());
    }

    [Fact]
    public void AttachmentAndAuditReferencesMatchOrleansOwnForEveryKey()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.Equal(Orleans.GetGrain<IAttachmentUploadsGrain>("be-hotline").GetGrainId(), References.AttachmentUploads("be-hotline").GetGrainId());
        Assert.Equal(Orleans.GetGrain<IAttachmentUploadsGrain>("nl-police").GetGrainId(), References.AttachmentUploads("nl-police").GetGrainId());
        Assert.Equal(Orleans.GetGrain<ICaseAuditGrain>(first).GetGrainId(), References.CaseAudit(first).GetGrainId());
        Assert.Equal(Orleans.GetGrain<ICaseAuditGrain>(second).GetGrainId(), References.CaseAudit(second).GetGrainId());
        Assert.Equal(Orleans.GetGrain<IAgencyAuditGrain>("be-hotline").GetGrainId(), References.AgencyAudit("be-hotline").GetGrainId());
        Assert.Equal(Orleans.GetGrain<IAgencyAuditGrain>("nl-police").GetGrainId(), References.AgencyAudit("nl-police").GetGrainId());
        Assert.Equal(Orleans.GetGrain<IAuditKeysGrain>(0).GetGrainId(), References.AuditKeys().GetGrainId());
        // Same key, other interface: each reference keeps its own grain type.
        Assert.NotEqual(References.Case(first).GetGrainId(), References.CaseAudit(first).GetGrainId());
        Assert.NotEqual(References.Agency("be-hotline").GetGrainId(), References.AgencyAudit("be-hotline").GetGrainId());
    }

    [Fact]
    public void InboxDirectoryStatsAndReadinessReferencesMatchOrleansOwn()
    {
        Assert.Equal(Orleans.GetGrain<IAgencyInboxGrain>("be-police").GetGrainId(), References.Inbox("be-police").GetGrainId());
        Assert.Equal(Orleans.GetGrain<IAgencyInboxGrain>("nl-hotline").GetGrainId(), References.Inbox("nl-hotline").GetGrainId());
        Assert.Equal(Orleans.GetGrain<IAgencyDirectoryGrain>(IAgencyDirectoryGrain.Key).GetGrainId(), References.Directory().GetGrainId());
        Assert.Equal(Orleans.GetGrain<IStatsGrain>(IStatsGrain.Key).GetGrainId(), References.Stats().GetGrainId());
        Assert.Equal(Orleans.GetGrain<IReadinessGrain>(0).GetGrainId(), References.Readiness().GetGrainId());
        Assert.NotEqual(References.Inbox("be-police").GetGrainId(), References.Agency("be-police").GetGrainId());
    }

    [Fact]
    public void AReferenceIsBuiltForAnyKeyARouteOrBodyCanCarryAndOnlyItsOwnGrainDecides()
    {
        // Orleans' GetGrain refuses a blank key with an exception; a fresh resolver must not, even on its first use.
        var fresh = new GrainReferences(Orleans);

        Assert.Equal(" ", fresh.Inbox(" ").GetPrimaryKeyString());
        Assert.Equal(" ", fresh.Agency(" ").GetPrimaryKeyString());
        Assert.Equal(References.Agency("be-hotline").GetGrainId(), fresh.Agency("be-hotline").GetGrainId());
    }

    [Fact]
    public async Task AnAuditReferenceReachesTheSameGrain()
    {
        var viaOrleans = await Orleans.GetGrain<IAuditKeysGrain>(0).GetKeysAsync();
        var viaReferences = await References.AuditKeys().GetKeysAsync();

        Assert.NotEmpty(viaReferences.LogKeys);
        Assert.Equal(viaOrleans.LogKeys, viaReferences.LogKeys);
    }

    [Fact]
    public async Task AReferenceReachesTheSameGrainState()
    {
        var viaOrleans = await Orleans.GetGrain<IAgencyGrain>("be-hotline").GetKeysAsync();
        var viaReferences = await References.Agency("be-hotline").GetKeysAsync();

        Assert.Equal(viaOrleans.Devices.Count, viaReferences.Devices.Count);
        Assert.Equal(viaOrleans.Current?.Generation, viaReferences.Current?.Generation);
    }
}

using Hub.Contracts.Agencies;
using Hub.Contracts.Attachments;
using Hub.Contracts.Audit;
using Hub.Contracts.Cases;
using Hub.Contracts.Inbox;
using Hub.Contracts.Operations;
using Hub.Contracts.Stats;

namespace Hub.Gateway.Operations;

/// <summary>
/// Grain references for the gateway's endpoints. <c>GetGrain&lt;T&gt;(key)</c> resolves the interface's Orleans type
/// from its attributes by reflection on every call (profiled: about 4% of the gateway's CPU per referral for its four
/// references); this resolves it once per interface and then only builds the id.
/// </summary>
public sealed class GrainReferences(IClusterClient orleans)
{
    private const string TypeProbeKey = "type-probe";

    private Resolved? _case;
    private Resolved? _agency;
    private Resolved? _uploads;
    private Resolved? _caseAudit;
    private Resolved? _agencyAudit;
    private Resolved? _auditKeys;
    private Resolved? _inbox;
    private Resolved? _directory;
    private Resolved? _stats;
    private Resolved? _readiness;

    public ICaseGrain Case(Guid caseId) => ByGuid<ICaseGrain>(ref _case, caseId);

    public IAgencyGrain Agency(string agencyId) => ByString<IAgencyGrain>(ref _agency, agencyId);

    /// <summary>The attachment uploads of one agency (the uploading agency is the key).</summary>
    public IAttachmentUploadsGrain AttachmentUploads(string agencyId) => ByString<IAttachmentUploadsGrain>(ref _uploads, agencyId);

    public ICaseAuditGrain CaseAudit(Guid caseId) => ByGuid<ICaseAuditGrain>(ref _caseAudit, caseId);

    public IAgencyAuditGrain AgencyAudit(string agencyId) => ByString<IAgencyAuditGrain>(ref _agencyAudit, agencyId);

    /// <summary>The hub's audit keys (one grain, key 0).</summary>
    public IAuditKeysGrain AuditKeys() => ByInteger<IAuditKeysGrain>(ref _auditKeys, 0);

    public IAgencyInboxGrain Inbox(string agencyId) => ByString<IAgencyInboxGrain>(ref _inbox, agencyId);

    /// <summary>The agency directory (one grain).</summary>
    public IAgencyDirectoryGrain Directory() => ByString<IAgencyDirectoryGrain>(ref _directory, IAgencyDirectoryGrain.Key);

    /// <summary>The network's measurements (one grain).</summary>
    public IStatsGrain Stats() => ByString<IStatsGrain>(ref _stats, IStatsGrain.Key);

    /// <summary>The silo readiness probe (one grain, key 0).</summary>
    public IReadinessGrain Readiness() => ByInteger<IReadinessGrain>(ref _readiness, 0);

    private T ByGuid<T>(ref Resolved? slot, Guid key) where T : IGrainWithGuidKey
    {
        var resolved = slot ?? Remember(ref slot, orleans.GetGrain<T>(key));
        return (T)orleans.GetGrain(GrainId.Create(resolved.Type, GrainIdKeyExtensions.CreateGuidKey(key)), resolved.Interface);
    }

    private T ByString<T>(ref Resolved? slot, string key) where T : IGrainWithStringKey
    {
        // Any non-null key, as GetGrain takes it: an unusual id from a route is the grain's to answer (404), not a 500.
        ArgumentNullException.ThrowIfNull(key);
        // The probe only tells the types, so it uses a key Orleans always accepts (it refuses blank ones).
        var resolved = slot ?? Remember(ref slot, orleans.GetGrain<T>(TypeProbeKey));
        return (T)orleans.GetGrain(GrainId.Create(resolved.Type, IdSpan.Create(key)), resolved.Interface);
    }

    private T ByInteger<T>(ref Resolved? slot, long key) where T : IGrainWithIntegerKey
    {
        var resolved = slot ?? Remember(ref slot, orleans.GetGrain<T>(key));
        return (T)orleans.GetGrain(GrainId.Create(resolved.Type, GrainIdKeyExtensions.CreateIntegerKey(key)), resolved.Interface);
    }

    /// <summary>
    /// Takes the types from a reference Orleans built itself. A client that does not know the cluster's grain types
    /// yet gets a placeholder type (in the reserved <c>sys.</c> namespace): that is not kept, so the next call asks again.
    /// </summary>
    private static Resolved Remember(ref Resolved? slot, IAddressable probe)
    {
        var reference = (GrainReference)probe;
        var resolved = new Resolved(reference.GrainId.Type, reference.InterfaceType);
        if (!resolved.Type.ToString()!.StartsWith(GrainTypePrefix.SystemPrefix, StringComparison.Ordinal))
        {
            slot = resolved;
        }

        return resolved;
    }

    private sealed record Resolved(GrainType Type, GrainInterfaceType Interface);
}

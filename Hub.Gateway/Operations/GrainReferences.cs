using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;

namespace Hub.Gateway.Operations;

/// <summary>
/// Case and agency grain references for the referral path. <c>GetGrain&lt;T&gt;(key)</c> resolves the interface's
/// Orleans type from its attributes by reflection on every call (profiled: about 4% of the gateway's CPU per referral
/// for its four references); this resolves it once per interface and then only builds the id.
/// </summary>
public sealed class GrainReferences(IClusterClient orleans)
{
    private Resolved? _case;
    private Resolved? _agency;

    public ICaseGrain Case(Guid caseId)
    {
        var resolved = _case ?? Remember(ref _case, orleans.GetGrain<ICaseGrain>(caseId));
        return (ICaseGrain)orleans.GetGrain(GrainId.Create(resolved.Type, GrainIdKeyExtensions.CreateGuidKey(caseId)), resolved.Interface);
    }

    public IAgencyGrain Agency(string agencyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        var resolved = _agency ?? Remember(ref _agency, orleans.GetGrain<IAgencyGrain>(agencyId));
        return (IAgencyGrain)orleans.GetGrain(GrainId.Create(resolved.Type, IdSpan.Create(agencyId)), resolved.Interface);
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

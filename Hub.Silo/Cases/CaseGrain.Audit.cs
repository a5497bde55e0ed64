using Hub.Contracts;
using Hub.Contracts.Cases;

namespace Hub.Silo.Cases;

public sealed partial class CaseGrain
{
    public Task<bool> CanAuditAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult(Participant(caller) is not null && CaseRules.MayAudit(caller));
    }

    public async Task<CaseResult> RecordAuditExportAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Participant(caller) is null || !CaseRules.MayAudit(caller))
        {
            return CaseResult.NotFound;
        }

        if (!CaseRules.MayExport(caller))
        {
            return CaseResult.Forbidden("Only auditors and agency admins of participating agencies export evidence bundles.");
        }

        // Who took the whole trail away, and when: the export is part of the trail it exports.
        return await CommitAsync(new AuditExported(clock.GetUtcNow(), caller.AgencyId, caller.UserId, Guid.Empty), ct);
    }
}

using Hub.Contracts;
using Hub.Contracts.Agencies;

namespace Hub.Silo.Cases;

/// <summary>Which roles may do what in a case. Agencies' kinds come from the case's own record of them.</summary>
internal static class CaseRules
{
    public static readonly TimeSpan MaxHold = TimeSpan.FromDays(90);

    public const int MaxRecipients = 32;

    public const int MaxStatementBytes = 16 * 1024;

    /// <summary>Roles that work cases day to day (as opposed to admins and auditors).</summary>
    public static bool IsCaseWorker(Caller caller) =>
        caller.HasRole(HubRoles.Analyst) || caller.HasRole(HubRoles.Investigator) || caller.HasRole(HubRoles.Liaison);

    /// <summary>Auditors of a participating agency may read a case; they may not change it.</summary>
    public static bool MayRead(Caller caller) => IsCaseWorker(caller) || caller.HasRole(HubRoles.Auditor);

    /// <summary>Any hub role of a participating agency may see the case's audit trail: clients verify what they are shown.</summary>
    public static bool MayAudit(Caller caller) => HubRoles.All.Any(caller.HasRole);

    /// <summary>The whole trail (every entry, not only what the caller's view shows) goes to auditors and admins only.</summary>
    public static bool MayExport(Caller caller) => caller.HasRole(HubRoles.Auditor) || caller.HasRole(HubRoles.AgencyAdmin);

    public static bool MayOpen(Caller caller, AgencyKind kind) => caller.HasRole(HubRoles.Analyst) && kind == AgencyKind.Hotline;

    public static bool MayHold(Caller caller, AgencyKind kind) => caller.HasRole(HubRoles.Investigator) && kind == AgencyKind.PoliceUnit;

    public static bool MayForward(Caller caller) => caller.HasRole(HubRoles.Liaison) || caller.HasRole(HubRoles.Investigator);

    public static bool MayRecordTakedown(Caller caller, AgencyKind kind) => caller.HasRole(HubRoles.Analyst) && kind == AgencyKind.Hotline;

    public static bool MayRecordInvestigation(Caller caller, AgencyKind kind) =>
        (caller.HasRole(HubRoles.Investigator) && kind == AgencyKind.PoliceUnit) || (caller.HasRole(HubRoles.Liaison) && kind == AgencyKind.LiaisonPoint);
}

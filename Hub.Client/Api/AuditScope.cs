namespace Hub.Client.Api;

/// <summary>One journal stream whose audit trail the hub serves: a case's or an agency key directory's.</summary>
/// <param name="StreamId">The stream id a checkpoint origin ends with (<c>case/&lt;id:N&gt;</c>, <c>agency/&lt;id&gt;</c>).</param>
/// <param name="ApiPath">The relative path of the stream's audit endpoints.</param>
public sealed record AuditScope(string StreamId, string ApiPath)
{
    /// <summary>A case stream (participants only).</summary>
    public static AuditScope Case(Guid caseId) => new($"case/{caseId:N}", $"api/cases/{caseId}/audit");

    /// <summary>An agency's key-directory stream (any member of the network witnesses it; its own members read entries).</summary>
    public static AuditScope Agency(string agencyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(agencyId);
        return new($"agency/{agencyId}", $"api/agencies/{Uri.EscapeDataString(agencyId)}/audit");
    }
}

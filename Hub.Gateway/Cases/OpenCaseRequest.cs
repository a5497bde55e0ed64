using Hub.Contracts.Cases;

namespace Hub.Gateway.Cases;

/// <summary>Body of <c>POST /api/cases</c>. The client picks the case id (so a retry cannot open two cases).</summary>
public sealed record OpenCaseRequest(
    Guid CaseId, Guid CommandId, Priority Priority, CaseCategory Category, string HostingCountry, HandlingCodes Handling, DateTimeOffset ReportedAt);

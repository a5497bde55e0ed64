namespace Hub.Client.Wire;

/// <summary>Body of <c>POST /api/cases</c>. The client picks the case id, so a retry cannot open two cases.</summary>
/// <param name="CaseId">The new case's id.</param>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="Priority">How fast it must move.</param>
/// <param name="Category">What the material is.</param>
/// <param name="HostingCountry">Where the content is hosted.</param>
/// <param name="Handling">Handling codes.</param>
/// <param name="ReportedAt">When the public report came in.</param>
public sealed record OpenCaseRequest(
    Guid CaseId,
    Guid CommandId,
    Priority Priority,
    CaseCategory Category,
    string HostingCountry,
    CaseHandling Handling,
    DateTimeOffset ReportedAt);

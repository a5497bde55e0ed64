namespace Hub.Client.Wire;

/// <summary>A case command was journaled; <see cref="Version"/> is the case's version after it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Version">The case version.</param>
public sealed record CommandAccepted(
    Guid CaseId,
    long Version);

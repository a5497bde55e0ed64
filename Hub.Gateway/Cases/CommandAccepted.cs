namespace Hub.Gateway.Cases;

/// <summary>A case command was journaled; <see cref="Version"/> is the case's version after it.</summary>
public sealed record CommandAccepted(Guid CaseId, long Version);

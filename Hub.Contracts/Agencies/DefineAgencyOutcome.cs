namespace Hub.Contracts.Agencies;

/// <summary>What happened to a create-or-update of an agency profile.</summary>
public enum DefineAgencyOutcome
{
    Created = 1,
    Updated = 2,

    /// <summary>The stored profile already equals the request: nothing was written (idempotent retry).</summary>
    Unchanged = 3,

    Forbidden = 4,
    Invalid = 5,
}

/// <summary>The outcome and, when it was refused as invalid, why.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.DefineAgencyResult")]
public sealed record DefineAgencyResult(
    [property: Id(0)] DefineAgencyOutcome Outcome,
    [property: Id(1)] string? Problem = null);

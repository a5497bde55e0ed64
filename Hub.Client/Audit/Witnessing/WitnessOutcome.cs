namespace Hub.Client.Audit.Witnessing;

/// <summary>What a witness learned from a fresh checkpoint.</summary>
public enum WitnessOutcome
{
    /// <summary>No earlier checkpoint of this origin was remembered: accepted on first use.</summary>
    FirstSeen = 1,

    /// <summary>The same tree as last time.</summary>
    Unchanged = 2,

    /// <summary>A larger tree, proven to extend the one seen last time.</summary>
    Extended = 3,
}

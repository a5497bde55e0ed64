namespace Hub.Contracts.Stats;

/// <summary>A measured step of a case (DESIGN §8): how long each agency takes, and how long content stays online.</summary>
public enum Hop
{
    /// <summary>Referral delivered → recipient acknowledged.</summary>
    Acknowledge = 1,

    /// <summary>Referral delivered → recipient accepted, declined or asked for information.</summary>
    Decide = 2,

    /// <summary>Public report → takedown notice sent.</summary>
    Notice = 3,

    /// <summary>Public report → content removed.</summary>
    Removal = 4,

    /// <summary>Hold placed → hold lifted or expired.</summary>
    Hold = 5,
}

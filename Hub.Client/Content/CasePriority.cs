// The case priority as content validation needs it. Hub.Client does not reference Hub.Contracts
// (which carries Orleans attributes), so this mirrors Hub.Contracts.Cases.Priority value for value.
namespace Hub.Client.Content;

/// <summary>The priority of the case a content document belongs to; values equal <c>Hub.Contracts.Cases.Priority</c>.</summary>
public enum CasePriority
{
    /// <summary>A child at imminent risk: a referral must give an escalation reason.</summary>
    Urgent = 1,

    /// <summary>Faster than normal handling.</summary>
    High = 2,

    /// <summary>Normal handling.</summary>
    Normal = 3,
}

// What validation needs from outside the document. The priority lives in the case's routing
// metadata, not in the sealed content, so the caller states it and both sides check the same rule.
namespace Hub.Client.Content;

/// <summary>Facts about the case that content validation depends on.</summary>
/// <param name="Priority">The case priority; <see cref="CasePriority.Urgent"/> requires an escalation reason.</param>
public sealed record ContentContext(CasePriority Priority)
{
    /// <summary>A context for a case of normal priority.</summary>
    public static ContentContext Normal { get; } = new(CasePriority.Normal);

    /// <summary>A context for an urgent case.</summary>
    public static ContentContext Urgent { get; } = new(CasePriority.Urgent);
}

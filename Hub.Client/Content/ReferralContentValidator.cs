// Document-level rules: schema, kind-specific members, escalation for urgent cases, limits. Item and
// attachment rules live beside it. Every rule reports a path and carries on, so one pass finds all.
namespace Hub.Client.Content;

/// <summary>Validates referral content against the v1 rules.</summary>
public static class ReferralContentValidator
{
    /// <summary>Every problem in <paramref name="content"/>, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<ContentProblem> Validate(ReferralContent content, ContentContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new ProblemList();

        if (ContentSchema.Refusal(content.Schema) is { } refusal)
        {
            problems.Add("$.schema", refusal);
        }

        problems.Defined("$.kind", content.Kind);
        var isReferral = content.Kind == ReferralContentKind.Referral;
        if (isReferral)
        {
            problems.Required("$.source", content.Source);
            problems.Required("$.reportedAt", content.ReportedAt);
        }

        if (content.Source is { } source)
        {
            problems.Defined("$.source", source);
        }

        ItemRules.CheckAll(problems, content.Items, isReferral);
        CheckEscalation(problems, content, context);
        problems.Text("$.notes", content.Notes, ContentLimits.MaxNotesLength, multiline: true);
        AttachmentRules.CheckAll(problems, content.Attachments);
        // Which links and requests a document needs depends on its kind; for an unknown kind, the kind is the problem.
        if (Enum.IsDefined(content.Kind))
        {
            CheckReplyLink(problems, content, isReferral);
            CheckRequestedInformation(problems, content);
        }
        return problems.Problems;
    }

    private static void CheckEscalation(ProblemList problems, ReferralContent content, ContentContext context)
    {
        const string Path = "$.escalationReason";
        if (context.Priority != CasePriority.Urgent)
        {
            problems.Absent(Path, content.EscalationReason, $"when the case priority is {context.Priority}");
            return;
        }

        // Urgent referrals jump queues, so the reason must say why; later messages may restate it.
        if (content.Kind == ReferralContentKind.Referral && content.EscalationReason is null)
        {
            problems.Add(Path, "Is required for a referral in an Urgent case.");
        }

        problems.Text(Path, content.EscalationReason, ContentLimits.MaxEscalationReasonLength, multiline: true);
    }

    private static void CheckReplyLink(ProblemList problems, ReferralContent content, bool isReferral)
    {
        const string Path = "$.inReplyTo";
        if (isReferral)
        {
            problems.Absent(Path, content.InReplyTo, "in a referral");
        }
        else if (content.InReplyTo is null)
        {
            problems.Add(Path, "Is required in a reply or information request.");
        }
        else if (content.InReplyTo == Guid.Empty)
        {
            problems.Add(Path, "Must be a message id, not the empty id.");
        }
    }

    private static void CheckRequestedInformation(ProblemList problems, ReferralContent content)
    {
        const string Path = "$.requestedInformation";
        var requested = content.RequestedInformation ?? [];
        if (content.Kind != ReferralContentKind.InformationRequest)
        {
            if (requested.Count > 0)
            {
                problems.Add(Path, "Must be absent unless the kind is information-request.");
            }

            return;
        }

        if (requested.Count == 0)
        {
            problems.Add(Path, "An information request must ask for at least one thing.");
        }
        else if (requested.Count > ContentLimits.MaxRequestedInformation)
        {
            problems.Add(Path, $"Has {requested.Count} entries; at most {ContentLimits.MaxRequestedInformation} are allowed.");
        }

        for (var i = 0; i < requested.Count && i < ContentLimits.MaxRequestedInformation; i++)
        {
            problems.Required($"{Path}[{i}]", requested[i]);
            problems.Text($"{Path}[{i}]", requested[i], ContentLimits.MaxRequestedInformationLength);
        }
    }
}

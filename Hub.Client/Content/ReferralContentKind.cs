// What a content document is. The same schema carries the first referral and every later
// message in the case, so a reader needs only one parser.
namespace Hub.Client.Content;

/// <summary>The kind of a content document; wire names are kebab-case (<c>information-request</c>).</summary>
public enum ReferralContentKind
{
    /// <summary>A referral of items to the recipient agencies (<c>referral</c>).</summary>
    Referral = 1,

    /// <summary>An answer to an earlier message (<c>reply</c>).</summary>
    Reply = 2,

    /// <summary>A request for more information about an earlier message (<c>information-request</c>).</summary>
    InformationRequest = 3,
}

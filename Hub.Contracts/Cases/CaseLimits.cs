namespace Hub.Contracts.Cases;

/// <summary>Sizes the case grain enforces and the gateway answers early (413) where a body exceeds them.</summary>
public static class CaseLimits
{
    /// <summary>Largest age header stored for a message or a re-wrapped attachment (a header with 64 stanzas is about 10 KiB).</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Most attachment headers one re-wrap carries (the referral content names at most 100 attachments).</summary>
    public const int MaxRewrappedAttachments = 100;
}

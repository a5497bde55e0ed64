// Size limits, in one place: they bound what a malicious or broken sender can make a reader parse
// and hold, and they are part of the documented schema.
namespace Hub.Client.Content;

/// <summary>Limits every v1 document must respect.</summary>
public static class ContentLimits
{
    /// <summary>Largest encoded document accepted by the decoder.</summary>
    public const int MaxEncodedBytes = 4 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted (unknown members included).</summary>
    public const int MaxDepth = 32;

    /// <summary>Most items in one document.</summary>
    public const int MaxItems = 1000;

    /// <summary>Longest URL, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Longest notes text, in characters.</summary>
    public const int MaxNotesLength = 20_000;

    /// <summary>Longest escalation reason, in characters.</summary>
    public const int MaxEscalationReasonLength = 2_000;

    /// <summary>Most attachment references in one document.</summary>
    public const int MaxAttachments = 100;

    /// <summary>Longest attachment file name, in characters.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>Most entries in an information request's list.</summary>
    public const int MaxRequestedInformation = 50;

    /// <summary>Longest requested-information entry, in characters.</summary>
    public const int MaxRequestedInformationLength = 500;

    /// <summary>Longest provider name, in characters.</summary>
    public const int MaxProviderLength = 200;

    /// <summary>Longest perceptual hash value, in characters.</summary>
    public const int MaxPerceptualValueLength = 1024;
}

namespace Hub.Gateway.Cases;

/// <summary>Configuration section <c>Hub:Limits</c>.</summary>
public sealed class MessageLimits
{
    public const string Section = "Hub:Limits";

    /// <summary>Largest inline envelope (header + payload), 16 MiB by default; larger requests get 413.</summary>
    public long MaxEnvelopeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The HTTP body limit that follows from it: base64 inflates by 4/3, plus room for the JSON around it.</summary>
    public long MaxRequestBytes => (MaxEnvelopeBytes * 4 / 3) + (256 * 1024);
}

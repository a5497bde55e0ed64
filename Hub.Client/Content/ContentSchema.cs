// Versioning rule: minor versions only add optional members, which a reader of an older minor
// keeps as unknown members; anything else (a new required member, a new enum value, a changed
// meaning) is a new major version, which readers of another major refuse.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Client.Content;

/// <summary>The schema id written in the <c>schema</c> member, and its version rule.</summary>
public static partial class ContentSchema
{
    /// <summary>The schema this library writes for new documents.</summary>
    public const string Current = "hub.referral-content/v1";

    /// <summary>The one major version this library reads.</summary>
    public const int SupportedMajor = 1;

    /// <summary>
    /// Parses <c>hub.referral-content/v{major}</c> or <c>hub.referral-content/v{major}.{minor}</c>
    /// (decimal, no leading zeros). Returns false for any other string.
    /// </summary>
    public static bool TryParse(string? schema, out int major, out int minor)
    {
        major = 0;
        minor = 0;
        var match = schema is null ? Match.Empty : SchemaPattern().Match(schema);
        if (!match.Success)
        {
            return false;
        }

        major = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        minor = match.Groups[2].Success ? int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : 0;
        return true;
    }

    /// <summary>Null when a v1 reader accepts <paramref name="schema"/>; otherwise why not.</summary>
    internal static string? Refusal(string? schema)
    {
        if (!TryParse(schema, out var major, out _))
        {
            return $"Schema must be \"{Current}\" or a v{SupportedMajor} minor version such as \"{Current}.1\".";
        }

        return major == SupportedMajor
            ? null
            : $"Schema major version {major} is not supported: this reader understands v{SupportedMajor} (and its minor versions) only.";
    }

    [GeneratedRegex(@"\Ahub\.referral-content/v([1-9][0-9]{0,3})(?:\.(0|[1-9][0-9]{0,3}))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}

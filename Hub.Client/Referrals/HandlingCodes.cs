// Handling codes carried in every signed referral statement and in the hub's routing metadata.
//   SIENA (Europol):  H0  law-enforcement use only
//                     H1  not for judicial proceedings without the provider's permission
//                     H2  not to be disseminated without the provider's permission
//                     H3  other restrictions, written "H3:<free text>"
//   TLP 2.0 (FIRST):  TLP:CLEAR  TLP:GREEN  TLP:AMBER  TLP:AMBER+STRICT  TLP:RED
// Only these exact strings are accepted: no case folding, no surrounding whitespace, no "TLP:WHITE".
// H3 free text is 1..200 printable ASCII characters (0x20..0x7E) other than ',' (the set separator,
// so a formatted set has one reading), without leading or trailing space.
// A canonical set holds one or two codes (at most one SIENA code and at most one TLP label) in
// ordinal order. This class depends on nothing but the BCL so the server can link the same file.
namespace Hub.Client.Referrals;

/// <summary>Canonical handling-code strings (SIENA and TLP 2.0) and their strict parser.</summary>
public static class HandlingCodes
{
    /// <summary>SIENA H0: law-enforcement use only.</summary>
    public const string H0 = "H0";

    /// <summary>SIENA H1: not for judicial proceedings without the provider's permission.</summary>
    public const string H1 = "H1";

    /// <summary>SIENA H2: not to be disseminated without the provider's permission.</summary>
    public const string H2 = "H2";

    /// <summary>Prefix of SIENA H3 (other restrictions); the free text follows it.</summary>
    public const string H3Prefix = "H3:";

    /// <summary>TLP:CLEAR: disclosure is not limited.</summary>
    public const string TlpClear = "TLP:CLEAR";

    /// <summary>TLP:GREEN: limited disclosure, recipients may share within their community.</summary>
    public const string TlpGreen = "TLP:GREEN";

    /// <summary>TLP:AMBER: limited disclosure, recipients' organisations and their clients.</summary>
    public const string TlpAmber = "TLP:AMBER";

    /// <summary>TLP:AMBER+STRICT: limited disclosure, recipients' organisations only.</summary>
    public const string TlpAmberStrict = "TLP:AMBER+STRICT";

    /// <summary>TLP:RED: for the eyes and ears of individual recipients only.</summary>
    public const string TlpRed = "TLP:RED";

    /// <summary>Longest H3 free text.</summary>
    public const int MaxFreeTextLength = 200;

    /// <summary>Builds the canonical H3 code for <paramref name="freeText"/>.</summary>
    /// <exception cref="ArgumentException">The text is empty, too long, not printable ASCII, holds a comma, or is padded with spaces.</exception>
    public static string H3(string freeText)
    {
        ArgumentNullException.ThrowIfNull(freeText);
        return IsFreeText(freeText)
            ? H3Prefix + freeText
            : throw new ArgumentException($"H3 text is 1..{MaxFreeTextLength} printable ASCII characters other than ',' without leading or trailing spaces.", nameof(freeText));
    }

    /// <summary>True for a SIENA code in canonical form.</summary>
    public static bool IsSiena(string? code) =>
        code is H0 or H1 or H2 || (code is not null && code.StartsWith(H3Prefix, StringComparison.Ordinal) && IsFreeText(code[H3Prefix.Length..]));

    /// <summary>True for a TLP 2.0 label in canonical form.</summary>
    public static bool IsTlp(string? code) => code is TlpClear or TlpGreen or TlpAmber or TlpAmberStrict or TlpRed;

    /// <summary>True if <paramref name="code"/> is exactly one canonical handling code.</summary>
    public static bool IsCanonical(string? code) => IsSiena(code) || IsTlp(code);

    /// <summary>
    /// True if <paramref name="codes"/> is a canonical set: one or two canonical codes, at most one
    /// SIENA code and one TLP label, in ordinal order.
    /// </summary>
    public static bool IsCanonicalSet(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count is < 1 or > 2 || !codes.All(IsCanonical))
        {
            return false;
        }

        return codes.Count == 1 || (string.CompareOrdinal(codes[0], codes[1]) < 0 && IsSiena(codes[0]) != IsSiena(codes[1]));
    }

    /// <summary>Returns the canonical set for <paramref name="codes"/> (sorted); the codes themselves must already be canonical.</summary>
    /// <exception cref="ArgumentException">A code is not canonical, or the codes do not form a valid set.</exception>
    public static string[] ToCanonicalSet(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var sorted = codes.Order(StringComparer.Ordinal).ToArray();
        return IsCanonicalSet(sorted)
            ? sorted
            : throw new ArgumentException("Handling codes must be canonical: one SIENA code and/or one TLP label.", nameof(codes));
    }

    /// <summary>Parses a comma-separated set such as <c>"H2,TLP:AMBER"</c>; accepts only its canonical form.</summary>
    /// <exception cref="FormatException">The text is not a canonical set.</exception>
    public static string[] ParseSet(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var codes = text.Split(',');
        return IsCanonicalSet(codes) ? codes : throw new FormatException("Not a canonical handling-code set.");
    }

    /// <summary>Formats a canonical set as <see cref="ParseSet"/> reads it.</summary>
    public static string FormatSet(IReadOnlyList<string> codes) =>
        IsCanonicalSet(codes) ? string.Join(',', codes) : throw new ArgumentException("Not a canonical handling-code set.", nameof(codes));

    private static bool IsFreeText(string text) =>
        text.Length is > 0 and <= MaxFreeTextLength && text[0] != ' ' && text[^1] != ' ' && text.All(c => c is >= ' ' and <= '~' and not ',');
}

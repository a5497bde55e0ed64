// The schema's textual patterns, compiled once by the regex source generator.
using System.Text.RegularExpressions;

namespace Hub.Client.Content;

internal static partial class ContentPatterns
{
    [GeneratedRegex(@"\A[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    public static partial Regex AlgorithmId();

    [GeneratedRegex(@"\A[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    public static partial Regex CountryCode();

    [GeneratedRegex(@"\AAS[1-9][0-9]{0,9}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Asn();

    // RFC 6838 restricted names, lower case only so that one media type has one spelling.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\z", RegexOptions.CultureInvariant)]
    public static partial Regex MediaType();
}

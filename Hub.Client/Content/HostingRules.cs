// Hosting members are matched against routing tables and abuse contacts, so only canonical forms
// are accepted: "192.0.2.010", "::FFFF:c000:20a" or "as64496" would compare unequal to what they mean.
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hub.Client.Content;

internal static class HostingRules
{
    public static void Check(ProblemList problems, string path, HostingTrace hosting)
    {
        if (hosting.Ip is { } ip && !IsCanonicalIp(ip))
        {
            problems.Add($"{path}.ip", "Must be an IPv4 address in dotted-decimal form or an IPv6 address in canonical form (RFC 5952), without zone or prefix.");
        }

        if (hosting.Asn is { } asn && !IsAsn(asn))
        {
            problems.Add($"{path}.asn", "Must be \"AS\" followed by a 32-bit AS number without leading zeros, such as \"AS64496\".");
        }

        problems.Text($"{path}.provider", hosting.Provider, ContentLimits.MaxProviderLength);
        if (hosting.Country is { } country && !ContentPatterns.CountryCode().IsMatch(country))
        {
            problems.Add($"{path}.country", "Must be an ISO 3166-1 alpha-2 code in upper case, such as \"NL\".");
        }
    }

    /// <summary>True when <paramref name="text"/> parses and formats back to itself (no zone ids, shorthand or leading zeros).</summary>
    internal static bool IsCanonicalIp(string text) =>
        // IPAddress.TryParse alone accepts "1" and "0x7f.1"; the round trip rejects every such form.
        !text.Contains('%', StringComparison.Ordinal)
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
        && string.Equals(address.ToString(), text, StringComparison.Ordinal);

    private static bool IsAsn(string text) =>
        ContentPatterns.Asn().IsMatch(text) && uint.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out _);
}

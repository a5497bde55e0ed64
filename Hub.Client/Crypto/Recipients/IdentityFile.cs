// The age identity file format written by age-keygen: "# created: <RFC 3339 time>",
// "# public key: age1...", then one AGE-SECRET-KEY-1... line. Readers skip blank lines and
// '#' comments and accept several identities.
using System.Globalization;

namespace Hub.Client.Crypto.Recipients;

/// <summary>Reads and writes age identity files.</summary>
public static class IdentityFile
{
    /// <summary>Formats a generated identity as an age identity file.</summary>
    public static string Format(X25519Identity identity, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var time = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"# created: {time}\n# public key: {identity.Recipient}\n{identity.Encode()}\n";
    }

    /// <summary>Parses every identity in <paramref name="text"/>; at least one is required.</summary>
    /// <exception cref="AgeException">MalformedKey if a line is not an identity or there is none.</exception>
    public static IReadOnlyList<X25519Identity> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var identities = new List<X25519Identity>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            identities.Add(X25519Identity.Parse(line));
        }

        return identities.Count > 0
            ? identities
            : throw new AgeException(AgeErrorKind.MalformedKey, "The identity file holds no identity.");
    }
}

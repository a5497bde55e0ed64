// Canonical parser of the age v1 header grammar (c2sp.org/age, "ABNF definition of file header"):
//
//   header    = v1-line 1*stanza end
//   v1-line   = "age-encryption.org/v1" LF
//   stanza    = "-> " argument *(SP argument) LF *(64base64char LF) *63base64char LF
//   end       = "--- " 43base64char LF          ; 32-byte HMAC-SHA-256
//
// Anything else fails closed with MalformedHeader, Truncated, NonCanonicalEncoding or UnsupportedVersion.
using System.Text;

namespace Hub.Client.Crypto.Format;

internal static class HeaderParser
{
    private static readonly int MacLineLength = 4 + CanonicalBase64.EncodedLength(Labels.MacSize);

    public static EnvelopeHeader Parse(Stream source)
    {
        using var reader = new HeaderLineReader(source);
        var version = reader.ReadLine();
        if (!version.AsSpan().SequenceEqual(Labels.VersionLine))
        {
            throw version.AsSpan().StartsWith(Labels.VersionPrefix)
                ? new AgeException(AgeErrorKind.UnsupportedVersion, "Unsupported age version.")
                : new AgeException(AgeErrorKind.MalformedHeader, "Not an age v1 header.");
        }

        var stanzas = new List<RecipientStanza>();
        while (true)
        {
            var lineStart = (int)reader.Raw.Length;
            var line = reader.ReadLine();
            if (line.AsSpan().StartsWith(Labels.StanzaPrefix))
            {
                stanzas.Add(ParseStanza(line, reader));
                continue;
            }

            if (line.AsSpan().StartsWith(Labels.MacPrefix))
            {
                if (stanzas.Count == 0)
                {
                    throw new AgeException(AgeErrorKind.MalformedHeader, "The header has no recipient stanza.");
                }

                if (line.Length != MacLineLength || line[3] != (byte)' ')
                {
                    throw new AgeException(AgeErrorKind.MalformedHeader, "Malformed header MAC line.");
                }

                var mac = CanonicalBase64.Decode(line.AsSpan(4));
                var encoded = reader.Raw.ToArray();
                return new EnvelopeHeader(stanzas, encoded, lineStart + Labels.MacPrefix.Length, mac);
            }

            throw new AgeException(AgeErrorKind.MalformedHeader, "Unexpected header line.");
        }
    }

    private static RecipientStanza ParseStanza(byte[] argumentLine, HeaderLineReader reader)
    {
        var parts = Encoding.ASCII.GetString(argumentLine, 3, argumentLine.Length - 3).Split(' ');
        foreach (var part in parts)
        {
            if (!RecipientStanza.IsArgument(part))
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "Malformed stanza argument line.");
            }
        }

        var body = new List<byte>();
        while (true)
        {
            var line = reader.ReadLine();
            if (line.Length > Labels.LineWidth || !CanonicalBase64.IsAlphabet(line))
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "Malformed stanza body line.");
            }

            body.AddRange(line);
            if (line.Length < Labels.LineWidth)
            {
                break;
            }
        }

        var decoded = CanonicalBase64.Decode(body.ToArray());
        return new RecipientStanza(parts[0], parts[1..], decoded);
    }
}

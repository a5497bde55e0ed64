// One recipient stanza of an age v1 header: "-> type arg..." then the body in unpadded base64
// wrapped at 64 columns, ending with a line shorter than 64 columns (possibly empty).
using System.Text;

namespace Hub.Client.Crypto.Format;

/// <summary>
/// A recipient stanza: a type (first argument), further arguments, and a binary body. Arguments are
/// non-empty strings of printable ASCII without spaces. Stanzas of unknown types are kept verbatim
/// so a re-wrapped header preserves them.
/// </summary>
public sealed class RecipientStanza
{
    private readonly byte[] _body;

    /// <summary>Creates a stanza; throws <see cref="ArgumentException"/> if an argument is not a valid age argument.</summary>
    public RecipientStanza(string type, IReadOnlyList<string> arguments, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!IsArgument(type))
        {
            throw new ArgumentException("A stanza type is a non-empty printable ASCII string without spaces.", nameof(type));
        }

        foreach (var argument in arguments)
        {
            if (argument is null || !IsArgument(argument))
            {
                throw new ArgumentException("Stanza arguments are non-empty printable ASCII strings without spaces.", nameof(arguments));
            }
        }

        Type = type;
        Arguments = [.. arguments];
        _body = body.ToArray();
    }

    /// <summary>The stanza type, e.g. <c>X25519</c> or <c>scrypt</c>.</summary>
    public string Type { get; }

    /// <summary>The arguments after the type.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The decoded body.</summary>
    public ReadOnlySpan<byte> Body => _body;

    /// <summary>Appends the canonical encoding of this stanza (argument line and body lines).</summary>
    internal void WriteTo(StringBuilder header)
    {
        header.Append("-> ").Append(Type);
        foreach (var argument in Arguments)
        {
            header.Append(' ').Append(argument);
        }

        header.Append('\n');
        var body = CanonicalBase64.Encode(_body);
        var offset = 0;
        while (body.Length - offset >= Labels.LineWidth)
        {
            header.Append(body, offset, Labels.LineWidth).Append('\n');
            offset += Labels.LineWidth;
        }

        // The final line is shorter than 64 columns and may be empty.
        header.Append(body, offset, body.Length - offset).Append('\n');
    }

    internal static bool IsArgument(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}

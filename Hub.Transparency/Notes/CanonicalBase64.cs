namespace Hub.Transparency.Notes;

/// <summary>Standard base64 (RFC 4648 §4) that accepts only the one canonical spelling of each byte string.</summary>
internal static class CanonicalBase64
{
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty || text.Length % 4 != 0)
        {
            return false;
        }
        var buffer = new byte[text.Length / 4 * 3];
        // Convert skips whitespace and ignores non-zero padding bits, so re-encode and compare.
        if (!Convert.TryFromBase64Chars(text, buffer, out int written))
        {
            return false;
        }
        var decoded = buffer[..written];
        if (!Convert.ToBase64String(decoded).AsSpan().SequenceEqual(text))
        {
            return false;
        }
        bytes = decoded;
        return true;
    }
}

// Unpadded standard base64 (RFC 4648 §4) as age v1 uses it in stanza arguments, bodies and the
// header MAC line. Decoding accepts the canonical form only (RFC 4648 §3.5): no '=' padding,
// no non-alphabet characters, no non-zero trailing bits.
using System.Buffers.Text;

namespace Hub.Client.Crypto.Format;

/// <summary>Strict unpadded base64, as used inside age headers.</summary>
internal static class CanonicalBase64
{
    /// <summary>Encodes without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    /// <summary>Length in characters of the unpadded encoding of <paramref name="byteCount"/> bytes.</summary>
    public static int EncodedLength(int byteCount) => checked(((byteCount * 4) + 2) / 3);

    /// <summary>True if every byte is in the base64 alphabet (no padding).</summary>
    public static bool IsAlphabet(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
        {
            if (!IsAlphabet(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsAlphabet(byte c) =>
        c is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/';

    /// <summary>Decodes canonical unpadded base64 or throws <see cref="AgeErrorKind.NonCanonicalEncoding"/>.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> text)
    {
        if (!TryDecode(text, out var data))
        {
            throw new AgeException(AgeErrorKind.NonCanonicalEncoding, "Invalid or non-canonical base64.");
        }

        return data;
    }

    /// <summary>Decodes <paramref name="text"/> (ASCII) as canonical unpadded base64.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> text, out byte[] data)
    {
        data = [];
        if (text.Length % 4 == 1 || !IsAlphabet(text))
        {
            return false;
        }

        var padded = new byte[(text.Length + 3) / 4 * 4];
        text.CopyTo(padded);
        padded.AsSpan(text.Length).Fill((byte)'=');
        var output = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        if (Base64.DecodeFromUtf8(padded, output, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        data = output.AsSpan(0, written).ToArray();

        // Canonical: re-encoding must give back the same characters (rejects non-zero trailing bits).
        return Encode(data).AsSpan().SequenceEqual(System.Text.Encoding.ASCII.GetString(text));
    }

    /// <summary>Decodes a string argument (stanza arguments are ASCII by construction).</summary>
    public static bool TryDecode(string text, out byte[] data) =>
        TryDecode(System.Text.Encoding.ASCII.GetBytes(text), out data);
}

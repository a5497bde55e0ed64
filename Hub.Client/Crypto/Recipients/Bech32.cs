// Bech32 (BIP 173, checksum constant 1) as age uses it for "age1..." recipients and
// "AGE-SECRET-KEY-1..." identities, without BIP 173's 90-character limit. Decoding is strict:
// single case, valid checksum, zero padding bits of at most 4 bits.
using System.Text;

namespace Hub.Client.Crypto.Recipients;

internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var upper = hrp.Any(char.IsUpper);
        var lowerHrp = hrp.ToLowerInvariant();
        var values = ConvertBits(data, 8, 5, pad: true) ?? throw new InvalidOperationException();
        var checksum = Checksum(lowerHrp, values);
        var text = new StringBuilder(lowerHrp).Append('1');
        foreach (var v in values.Concat(checksum))
        {
            text.Append(Charset[v]);
        }

        var result = text.ToString();
        return upper ? result.ToUpperInvariant() : result;
    }

    /// <summary>Decodes; returns false on any deviation. <paramref name="hrp"/> keeps the input's case.</summary>
    public static bool TryDecode(string text, out string hrp, out byte[] data)
    {
        hrp = string.Empty;
        data = [];
        if (text.Any(c => c is < '!' or > '~') || (text.Any(char.IsLower) && text.Any(char.IsUpper)))
        {
            return false;
        }

        var separator = text.LastIndexOf('1');
        if (separator < 1 || separator + 7 > text.Length)
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        var values = new byte[text.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Charset.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            values[i] = (byte)index;
        }

        if (Polymod(HrpExpand(lower[..separator]).Concat(values)) != 1)
        {
            return false;
        }

        var decoded = ConvertBits(values.AsSpan(0, values.Length - 6), 5, 8, pad: false);
        if (decoded is null)
        {
            return false;
        }

        hrp = text[..separator];
        data = decoded;
        return true;
    }

    private static byte[] Checksum(string hrp, byte[] values)
    {
        var polymod = Polymod(HrpExpand(hrp).Concat(values).Concat(new byte[6])) ^ 1;
        var checksum = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            checksum[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        }

        return checksum;
    }

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= Generator[i];
                }
            }
        }

        return chk;
    }

    private static byte[] HrpExpand(string hrp) =>
        [.. hrp.Select(c => (byte)(c >> 5)), 0, .. hrp.Select(c => (byte)(c & 31))];

    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var maxValue = (1 << toBits) - 1;
        var result = new List<byte>();
        foreach (var value in data)
        {
            acc = ((acc << fromBits) | value) & 0xfffff;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((acc >> bits) & maxValue));
            }
        }

        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (toBits - bits)) & maxValue));
            }
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0)
        {
            return null;
        }

        return [.. result];
    }
}

using System.Globalization;
using System.Text;

namespace Hub.Transparency.Cosignatures;

/// <summary>The message an Ed25519 v1 cosignature signs (C2SP tlog-cosignature).</summary>
internal static class CosignedMessage
{
    /// <summary>Returns <c>"cosignature/v1\ntime &lt;timestamp&gt;\n" || checkpoint note text</c>.</summary>
    public static byte[] Build(ulong timestamp, ReadOnlySpan<byte> noteText)
    {
        // ASCII decimal with no leading zeroes is exactly what ulong.ToString gives.
        byte[] header = Encoding.ASCII.GetBytes(
            "cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n");
        return [.. header, .. noteText];
    }
}

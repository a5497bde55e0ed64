namespace Hub.Transparency.Tests;

internal static class TestData
{
    /// <summary>Distinct synthetic entries: entry i is "entry-i" followed by i bytes of value i.</summary>
    public static byte[][] Entries(int count) =>
        Enumerable.Range(0, count)
            .Select(i => System.Text.Encoding.ASCII.GetBytes($"entry-{i}").Concat(Enumerable.Repeat((byte)i, i)).ToArray())
            .ToArray();

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}

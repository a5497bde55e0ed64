using System.Security.Cryptography;

namespace Hub.Silo.Envelopes;

/// <summary>The name of stored bytes: SHA-256, lower-case hex.</summary>
public static class EnvelopeDigest
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

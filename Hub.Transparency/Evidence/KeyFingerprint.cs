using System.Security.Cryptography;
using System.Text;

namespace Hub.Transparency.Evidence;

/// <summary>
/// Fingerprints of verifier keys, to be read aloud or compared out of band: <c>SHA256:</c> and the lowercase hex
/// SHA-256 of the vkey text. The whole vkey is hashed, so name, key ID, type and key are all bound.
/// </summary>
public static class KeyFingerprint
{
    public const string Prefix = "SHA256:";

    /// <summary>The fingerprint of a verifier key text.</summary>
    public static string Of(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(verifierKey)));
    }
}

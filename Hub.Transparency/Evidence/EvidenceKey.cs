namespace Hub.Transparency.Evidence;

/// <summary>A public key in a bundle: its verifier key text and the fingerprint to compare out of band.</summary>
/// <param name="VerifierKey">The signed-note vkey, <c>name+hex8(key ID)+base64(type || key)</c>.</param>
/// <param name="Fingerprint"><see cref="KeyFingerprint.Of"/> of <paramref name="VerifierKey"/>.</param>
public sealed record EvidenceKey(string VerifierKey, string Fingerprint)
{
    /// <summary>The key with its fingerprint computed.</summary>
    public static EvidenceKey For(string verifierKey) => new(verifierKey, KeyFingerprint.Of(verifierKey));
}

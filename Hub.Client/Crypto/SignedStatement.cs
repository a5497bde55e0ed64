// A canonical statement (see Format/CanonicalWriter) with the Ed25519 signature (RFC 8032, 64 bytes)
// of the device that made it. The statement's first field is its domain label, so the signature
// is over label || fields and cannot be replayed as another kind of statement.
using Hub.Client.Keys;
using NSec.Cryptography;

namespace Hub.Client.Crypto;

/// <summary>Statement bytes and the signing device's Ed25519 signature over them.</summary>
public sealed record SignedStatement(byte[] Statement, byte[] Signature)
{
    internal static SignedStatement Create(byte[] statement, DeviceKey signer) => new(statement, signer.Sign(statement));

    /// <summary>Verifies the signature under <paramref name="signingKey"/>; fails closed with <see cref="AgeErrorKind.BadSignature"/>.</summary>
    internal void Verify(PublicKey signingKey)
    {
        if (Statement is null || Signature is null || Signature.Length != Labels.SignatureSize
            || !SignatureAlgorithm.Ed25519.Verify(signingKey, Statement, Signature))
        {
            throw new AgeException(AgeErrorKind.BadSignature, "The statement's signature does not verify.");
        }
    }
}

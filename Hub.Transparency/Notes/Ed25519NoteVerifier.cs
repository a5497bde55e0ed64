// Ed25519NoteVerifier: verifies signed-note signature type 0x01.
//
//   signature line  — <name> base64(key ID [4] || Ed25519 signature [64])
//   signed message  the note text, including its final newline (RFC 8032 Ed25519)
//   key ID          SHA-256(name || 0x0A || 0x01 || public key [32])[:4]
//   vkey            name+hex8(key ID)+base64(0x01 || public key [32])
using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Hub.Transparency.Notes;

/// <summary>A trusted Ed25519 key that verifies plain signed-note signatures (type 0x01).</summary>
public sealed class Ed25519NoteVerifier : NoteVerifier
{
    private readonly PublicKey _publicKey;

    /// <summary>Creates a verifier for <paramref name="publicKey"/> under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key, or the name is invalid.</exception>
    public Ed25519NoteVerifier(string name, PublicKey publicKey)
        : base(name, NoteKeyId.Compute(name, NoteKeyId.Ed25519, RawKey(publicKey)))
    {
        _publicKey = publicKey;
    }

    /// <inheritdoc />
    public override string VerifierKey =>
        VerifierKeyText.Format(Name, KeyId, NoteKeyId.Ed25519, _publicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Parses a vkey of type 0x01; accepts only the canonical text with a matching key ID.</summary>
    public static bool TryParse(string? verifierKey, [NotNullWhen(true)] out Ed25519NoteVerifier? verifier)
    {
        verifier = null;
        if (!VerifierKeyText.TryParse(verifierKey, NoteKeyId.Ed25519, 32, out var name, out _, out var raw)
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var publicKey)
            || publicKey is null)
        {
            return false;
        }
        verifier = new Ed25519NoteVerifier(name, publicKey);
        return true;
    }

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> noteText, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureAlgorithm.Ed25519.SignatureSize
        && SignatureAlgorithm.Ed25519.Verify(_publicKey, noteText, signature);

    internal static byte[] RawKey(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("The key is not an Ed25519 key.", nameof(publicKey));
        }
        return publicKey.Export(KeyBlobFormat.RawPublicKey);
    }
}

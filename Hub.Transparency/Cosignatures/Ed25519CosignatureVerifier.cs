// Ed25519CosignatureVerifier: verifies C2SP tlog-cosignature v1 witness cosignatures (type 0x04).
//
//   signature line  — <witness name> base64(key ID [4] || timestamp [8, big-endian] || Ed25519 signature [64])
//   signed message  "cosignature/v1\n" || "time <timestamp>\n" || checkpoint note text
//   timestamp       POSIX seconds when the witness cosigned, at most 2^63 - 1
//   key ID          SHA-256(name || 0x0A || 0x04 || public key [32])[:4]
//   vkey            name+hex8(key ID)+base64(0x04 || public key [32])
//
// A v1 cosignature says: as of that time, this is the largest consistent tree the witness
// has seen for the checkpoint's origin. It does not commit to the witness name.
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Transparency.Cosignatures;

/// <summary>A trusted witness key that verifies timestamped Ed25519 cosignatures (type 0x04).</summary>
public sealed class Ed25519CosignatureVerifier : NoteVerifier
{
    /// <summary>Length of the signature after the key ID: 8-byte timestamp and 64-byte Ed25519 signature.</summary>
    public const int SignatureSize = 8 + 64;

    private readonly PublicKey _publicKey;

    /// <summary>Creates a verifier for the witness key <paramref name="publicKey"/> named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key, or the name is invalid.</exception>
    public Ed25519CosignatureVerifier(string name, PublicKey publicKey)
        : base(name, NoteKeyId.Compute(name, NoteKeyId.Ed25519Cosignature, Ed25519NoteVerifier.RawKey(publicKey)))
    {
        _publicKey = publicKey;
    }

    /// <inheritdoc />
    public override string VerifierKey =>
        VerifierKeyText.Format(Name, KeyId, NoteKeyId.Ed25519Cosignature, _publicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Parses a vkey of type 0x04; accepts only the canonical text with a matching key ID.</summary>
    public static bool TryParse(string? verifierKey, [NotNullWhen(true)] out Ed25519CosignatureVerifier? verifier)
    {
        verifier = null;
        if (!VerifierKeyText.TryParse(verifierKey, NoteKeyId.Ed25519Cosignature, 32, out var name, out _, out var raw)
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var publicKey)
            || publicKey is null)
        {
            return false;
        }
        verifier = new Ed25519CosignatureVerifier(name, publicKey);
        return true;
    }

    /// <summary>Reads the cosigning time from a (verified) cosignature's bytes after the key ID.</summary>
    /// <returns><see langword="false"/> when the bytes are not a v1 cosignature or the time exceeds 2^63 - 1.</returns>
    public static bool TryReadTimestamp(ReadOnlySpan<byte> signature, out DateTimeOffset cosignedAt)
    {
        cosignedAt = default;
        if (signature.Length != SignatureSize)
        {
            return false;
        }
        ulong seconds = BinaryPrimitives.ReadUInt64BigEndian(signature);
        if (seconds > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }
        cosignedAt = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        return true;
    }

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> noteText, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            return false;
        }
        ulong timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
        if (timestamp > long.MaxValue)
        {
            return false;
        }
        return SignatureAlgorithm.Ed25519.Verify(_publicKey, CosignedMessage.Build(timestamp, noteText), signature[8..]);
    }
}

// NoteKeyId: the 32-bit key ID of C2SP signed-note.
//
//   key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], read big-endian
//
// Signature types used here: 0x01 Ed25519 note signature (signed-note), 0x04 timestamped
// Ed25519 cosignature (tlog-cosignature v1). The type byte makes the same key under the
// same name yield different IDs for different signature types.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Transparency.Notes;

/// <summary>Computes signed-note key IDs.</summary>
public static class NoteKeyId
{
    /// <summary>Signature type of a plain Ed25519 note signature (signed-note).</summary>
    public const byte Ed25519 = 0x01;

    /// <summary>Signature type of a timestamped Ed25519 witness cosignature (tlog-cosignature v1).</summary>
    public const byte Ed25519Cosignature = 0x04;

    /// <summary>Returns <c>SHA-256(name || 0x0A || signatureType || publicKey)[:4]</c> as a big-endian integer.</summary>
    /// <exception cref="ArgumentException"><paramref name="keyName"/> is not a valid note key name.</exception>
    public static uint Compute(string keyName, byte signatureType, ReadOnlySpan<byte> publicKey)
    {
        NoteKeyName.Require(keyName);
        byte[] name = Encoding.UTF8.GetBytes(keyName);
        byte[] input = new byte[name.Length + 2 + publicKey.Length];
        name.CopyTo(input, 0);
        input[name.Length] = 0x0A;
        input[name.Length + 1] = signatureType;
        publicKey.CopyTo(input.AsSpan(name.Length + 2));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}

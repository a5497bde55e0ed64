// scrypt (RFC 7914) with r = 8, p = 1 and arbitrary-length salt, as age's passphrase stanza needs
// (its salt is the 28-byte label plus 16 random bytes; NSec's Scrypt accepts only 32-byte salts).
//   B  = PBKDF2-HMAC-SHA-256(P, S, 1, 128 * r)       (RFC 8018)
//   B  = ROMix(B, N) using BlockMix with Salsa20/8
//   DK = PBKDF2-HMAC-SHA-256(P, B, 1, 32)
// Memory: 128 * r * N bytes (N = 2^18 -> 256 MiB). Work buffers are zeroed before returning.
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Client.Crypto.Recipients;

internal static class Scrypt
{
    private const int R = 8;
    private const int BlockWords = 32 * R; // 128 * r bytes

    public static byte[] DeriveKey(string passphrase, ReadOnlySpan<byte> salt, int workFactor)
    {
        var password = Encoding.UTF8.GetBytes(passphrase);
        var n = 1 << workFactor;
        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, 128 * R);
        var x = new uint[BlockWords];
        var v = new uint[(long)n * BlockWords];
        var scratch = new uint[BlockWords];
        try
        {
            for (var i = 0; i < BlockWords; i++)
            {
                x[i] = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i * 4));
            }

            for (var i = 0; i < n; i++)
            {
                x.CopyTo(v.AsSpan(i * BlockWords));
                BlockMix(x, scratch);
            }

            for (var i = 0; i < n; i++)
            {
                var j = (int)(x[BlockWords - 16] & (uint)(n - 1));
                var vj = v.AsSpan(j * BlockWords, BlockWords);
                for (var k = 0; k < BlockWords; k++)
                {
                    x[k] ^= vj[k];
                }

                BlockMix(x, scratch);
            }

            for (var i = 0; i < BlockWords; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i * 4), x[i]);
            }

            return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, Labels.DerivedKeySize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(b);
            Array.Clear(x);
            Array.Clear(v);
            Array.Clear(scratch);
        }
    }

    // BlockMix_{Salsa20/8, r}: Y_i = Salsa(X ^ B_i); output even blocks first, then odd blocks.
    private static void BlockMix(uint[] b, uint[] y)
    {
        Span<uint> x = stackalloc uint[16];
        b.AsSpan(BlockWords - 16, 16).CopyTo(x);
        for (var i = 0; i < 2 * R; i++)
        {
            var block = b.AsSpan(i * 16, 16);
            for (var k = 0; k < 16; k++)
            {
                x[k] ^= block[k];
            }

            Salsa208(x);
            var target = ((i & 1) == 0 ? i / 2 : R + (i / 2)) * 16;
            x.CopyTo(y.AsSpan(target, 16));
        }

        y.CopyTo(b, 0);
    }

    private static void Salsa208(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var round = 0; round < 8; round += 2)
        {
            x4 ^= BitOperations.RotateLeft(unchecked(x0 + x12), 7); x8 ^= BitOperations.RotateLeft(unchecked(x4 + x0), 9);
            x12 ^= BitOperations.RotateLeft(unchecked(x8 + x4), 13); x0 ^= BitOperations.RotateLeft(unchecked(x12 + x8), 18);
            x9 ^= BitOperations.RotateLeft(unchecked(x5 + x1), 7); x13 ^= BitOperations.RotateLeft(unchecked(x9 + x5), 9);
            x1 ^= BitOperations.RotateLeft(unchecked(x13 + x9), 13); x5 ^= BitOperations.RotateLeft(unchecked(x1 + x13), 18);
            x14 ^= BitOperations.RotateLeft(unchecked(x10 + x6), 7); x2 ^= BitOperations.RotateLeft(unchecked(x14 + x10), 9);
            x6 ^= BitOperations.RotateLeft(unchecked(x2 + x14), 13); x10 ^= BitOperations.RotateLeft(unchecked(x6 + x2), 18);
            x3 ^= BitOperations.RotateLeft(unchecked(x15 + x11), 7); x7 ^= BitOperations.RotateLeft(unchecked(x3 + x15), 9);
            x11 ^= BitOperations.RotateLeft(unchecked(x7 + x3), 13); x15 ^= BitOperations.RotateLeft(unchecked(x11 + x7), 18);
            x1 ^= BitOperations.RotateLeft(unchecked(x0 + x3), 7); x2 ^= BitOperations.RotateLeft(unchecked(x1 + x0), 9);
            x3 ^= BitOperations.RotateLeft(unchecked(x2 + x1), 13); x0 ^= BitOperations.RotateLeft(unchecked(x3 + x2), 18);
            x6 ^= BitOperations.RotateLeft(unchecked(x5 + x4), 7); x7 ^= BitOperations.RotateLeft(unchecked(x6 + x5), 9);
            x4 ^= BitOperations.RotateLeft(unchecked(x7 + x6), 13); x5 ^= BitOperations.RotateLeft(unchecked(x4 + x7), 18);
            x11 ^= BitOperations.RotateLeft(unchecked(x10 + x9), 7); x8 ^= BitOperations.RotateLeft(unchecked(x11 + x10), 9);
            x9 ^= BitOperations.RotateLeft(unchecked(x8 + x11), 13); x10 ^= BitOperations.RotateLeft(unchecked(x9 + x8), 18);
            x12 ^= BitOperations.RotateLeft(unchecked(x15 + x14), 7); x13 ^= BitOperations.RotateLeft(unchecked(x12 + x15), 9);
            x14 ^= BitOperations.RotateLeft(unchecked(x13 + x12), 13); x15 ^= BitOperations.RotateLeft(unchecked(x14 + x13), 18);
        }

        unchecked
        {
            b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
            b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
        }
    }
}

// MerkleHash: the RFC 9162 §2.1.1 hash functions of a Merkle tree (same as RFC 6962 §2.1).
//
//   leaf hash   = SHA-256(0x00 || entry)           32 bytes
//   node hash   = SHA-256(0x01 || left || right)   65 bytes in, 32 bytes out
//   empty tree  = SHA-256("")                      e3b0c442...b855
//
// The two prefixes keep leaves and interior nodes in separate domains, so an
// attacker cannot present an interior node as a leaf (second-preimage attack on
// the tree shape, RFC 9162 §2.1.1).
//
// Hashing goes through OpenSSL's low-level SHA-256 where the platform crypto is OpenSSL (Linux;
// see OpenSslSha256 for why and what it saves), else through a reused BCL hash context per thread.
using System.Security.Cryptography;

namespace Hub.Transparency.Merkle;

/// <summary>RFC 9162 leaf, node and empty-tree hashes (SHA-256, 32 bytes).</summary>
public static class MerkleHash
{
    /// <summary>Size in bytes of every hash in the tree.</summary>
    public const int Size = 32;

    /// <summary>Domain-separation prefix of a leaf hash.</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>Domain-separation prefix of an interior node hash.</summary>
    public const byte NodePrefix = 0x01;

    // Entries up to this size are copied next to the prefix in a per-thread buffer and hashed in one call of the
    // thread's reused hash context; larger entries are appended in two calls so nothing large is copied.
    private const int CopiedEntryLimit = 1024;

    [ThreadStatic]
    private static IncrementalHash? t_incremental;

    [ThreadStatic]
    private static byte[]? t_leafBuffer;

    /// <summary>MTH({}) = SHA-256 of the empty string (RFC 9162 §2.1.1).</summary>
    public static ReadOnlySpan<byte> EmptyTreeRoot =>
    [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
        0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
    ];

    /// <summary>Which SHA-256 implementation the hashes go through on this platform (for benchmarks and diagnostics).</summary>
    public static string Engine => OpenSslSha256.IsAvailable ? "OpenSSL low-level SHA256_*" : "BCL IncrementalHash";

    /// <summary>Writes <c>SHA-256(0x00 || entry)</c> to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void HashLeaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        RequireDestination(destination);
        if (entry.Length <= CopiedEntryLimit)
        {
            // A per-thread buffer rather than stackalloc: the runtime zeroes a stackalloc'ed kilobyte on every call.
            var buffer = (t_leafBuffer ??= new byte[1 + CopiedEntryLimit]).AsSpan();
            buffer[0] = LeafPrefix;
            entry.CopyTo(buffer[1..]);
            if (OpenSslSha256.IsAvailable)
            {
                // One update of the copy costs less than a second native call for the prefix.
                OpenSslSha256.Hash(buffer[..(1 + entry.Length)], [], destination);
                return;
            }

            // The reused context skips SHA256.HashData's per-call setup, as for nodes: about 130 of 980 ns saved
            // per 334-byte leaf on the 2-core CI machine, where that setup is most of a node's cost.
            var reused = t_incremental ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            reused.AppendData(buffer[..(1 + entry.Length)]);
            reused.GetHashAndReset(destination);
            return;
        }

        ReadOnlySpan<byte> prefix = [LeafPrefix];
        if (OpenSslSha256.IsAvailable && entry.Length <= OpenSslSha256.MaxInput)
        {
            OpenSslSha256.Hash(prefix, entry, destination);
            return;
        }

        var hash = t_incremental ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        hash.AppendData(entry);
        hash.GetHashAndReset(destination);
    }

    /// <summary>Returns <c>SHA-256(0x00 || entry)</c>.</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Size];
        HashLeaf(entry, hash);
        return hash;
    }

    /// <summary>Writes <c>SHA-256(0x01 || left || right)</c> to <paramref name="destination"/>.</summary>
    /// <remarks><paramref name="destination"/> may overlap either input.</remarks>
    /// <exception cref="ArgumentException">An input is not 32 bytes or the destination is too short.</exception>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException("Child hashes must be 32 bytes.");
        }
        RequireDestination(destination);
        if (OpenSslSha256.IsAvailable)
        {
            OpenSslSha256.HashNode(left, right, destination);
            return;
        }

        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);

        // Reusing one hash context per thread avoids the per-call context setup of SHA256.HashData,
        // which dominates the cost of a 65-byte input (measured: about 10-25% faster proof verification).
        var hash = t_incremental ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(buffer);
        hash.GetHashAndReset(destination);
    }

    private static void RequireDestination(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("Destination must hold 32 bytes.", nameof(destination));
        }
    }
}

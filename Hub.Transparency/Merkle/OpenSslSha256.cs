// OpenSslSha256: SHA-256 (FIPS 180-4) through OpenSSL's low-level SHA256_Init/Update/Final, for the
// short inputs a Merkle tree hashes by the million (65-byte nodes, leaves of a few hundred bytes).
//
// Why: on Linux the BCL's SHA-256 goes through OpenSSL 3's EVP layer, whose per-call cost (context
// reset, provider dispatch) is several times the hashing itself for inputs this short. Measured on the
// 2-core development machine (CPU time per call): a 65-byte node 600-720 ns through a reused
// IncrementalHash, 125-150 ns here; a 334-byte leaf 1,035-1,200 ns through SHA256.HashData, 320-355 ns
// here. The low-level functions run the same SHA-NI/AVX code without that dispatch.
//
// Where OpenSSL is not the platform's crypto library (Windows, macOS), or its library cannot be
// loaded, or the self-test fails, IsAvailable is false and MerkleHash stays on the BCL.
// The calls are short, bounded and never block, so they skip the GC transition; longer inputs take
// the BCL path (MaxInput), so a collection never waits on a long native call.
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Hub.Transparency.Merkle;

/// <summary>SHA-256 of one span or of two concatenated spans, via OpenSSL's low-level API.</summary>
internal static class OpenSslSha256
{
    /// <summary>Longest input hashed here; anything longer goes through the BCL.</summary>
    public const int MaxInput = 16 * 1024;

    private const string Library = "hub-libcrypto";

    // SHA256_CTX is 112 bytes in OpenSSL 1.1 and 3.x; a little headroom costs nothing on the stack.
    private const int ContextSize = 128;

    /// <summary>True when OpenSSL's low-level SHA-256 loaded and passed its self-test.</summary>
    public static bool IsAvailable { get; } = Initialize();

    /// <summary>
    /// Writes SHA-256(first || second) to <paramref name="destination"/> (32 bytes; it may overlap the inputs, which are
    /// consumed before the digest is written). Requires <see cref="IsAvailable"/>; each input at most <see cref="MaxInput"/>.
    /// </summary>
    /// <remarks>Each native call costs a few nanoseconds: callers pass one span when copying is cheaper than a call.</remarks>
    public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination)
    {
        if (first.Length > MaxInput || second.Length > MaxInput || destination.Length < 32)
        {
            throw new ArgumentException("Inputs of at most MaxInput bytes and a 32-byte destination.");
        }

        Span<byte> context = stackalloc byte[ContextSize];
        ref var ctx = ref MemoryMarshal.GetReference(context);
        if (Sha256Init(ref ctx) != 1
            || (!first.IsEmpty && Sha256Update(ref ctx, ref MemoryMarshal.GetReference(first), (nuint)first.Length) != 1)
            || (!second.IsEmpty && Sha256Update(ref ctx, ref MemoryMarshal.GetReference(second), (nuint)second.Length) != 1)
            || Sha256Final(ref MemoryMarshal.GetReference(destination), ref ctx) != 1)
        {
            throw new CryptographicException("OpenSSL SHA-256 failed.");
        }
    }

    private static bool Initialize()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(OpenSslSha256).Assembly, Resolve);

            // Self-test against the BCL on inputs that cross block boundaries: any disagreement keeps the BCL.
            Span<byte> input = stackalloc byte[200];
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = unchecked((byte)(i * 7));
            }

            Span<byte> ours = stackalloc byte[32];
            Span<byte> bcl = stackalloc byte[32];
            foreach (var length in (int[])[0, 1, 55, 56, 63, 64, 65, 119, 120, 200])
            {
                Hash(input[..(length / 2)], input[(length / 2)..length], ours);
                SHA256.HashData(input[..length], bcl);
                if (!ours.SequenceEqual(bcl))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or InvalidOperationException or CryptographicException)
        {
            return false;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        // The same libcrypto the BCL uses on Linux: OpenSSL 3, else 1.1.
        foreach (var candidate in (string[])["libcrypto.so.3", "libcrypto.so.1.1"])
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    // DllImport rather than LibraryImport: the arguments are blittable (the runtime pins them without a
    // marshalling stub), and the project keeps unsafe code, which the generated stubs would need, turned off.
    [DllImport(Library, EntryPoint = "SHA256_Init", ExactSpelling = true)]
    [SuppressGCTransition]
    private static extern int Sha256Init(ref byte context);

    [DllImport(Library, EntryPoint = "SHA256_Update", ExactSpelling = true)]
    [SuppressGCTransition]
    private static extern int Sha256Update(ref byte context, ref byte data, nuint length);

    [DllImport(Library, EntryPoint = "SHA256_Final", ExactSpelling = true)]
    [SuppressGCTransition]
    private static extern int Sha256Final(ref byte digest, ref byte context);
}

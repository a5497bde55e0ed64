// OpenSslSha256: SHA-256 (FIPS 180-4) through OpenSSL's low-level SHA256_Init/Update/Final, for the
// short inputs a Merkle tree hashes by the million (65-byte nodes, leaves of a few hundred bytes).
//
// Why: on Linux the BCL's SHA-256 goes through OpenSSL 3's EVP layer, whose per-call cost (context
// reset, provider dispatch) is several times the hashing itself for inputs this short. Measured on the
// 2-core development machine (CPU time per call): a 65-byte node 600-720 ns through a reused
// IncrementalHash, 116-150 ns here; a 334-byte leaf 1,035-1,200 ns through SHA256.HashData, 320-355 ns
// here. The low-level functions run the same SHA-NI/AVX code without that dispatch.
//
// Where OpenSSL is not the platform's crypto library (Windows, macOS), or its library cannot be
// loaded, or the self-test fails, IsAvailable is false and MerkleHash stays on the BCL.
// The calls are short, bounded and never block, so they skip the GC transition; longer inputs take
// the BCL path (MaxInput), so a collection never waits on a long native call.
using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Hub.Transparency.Merkle;

/// <summary>SHA-256 of one span or of two concatenated spans, via OpenSSL's low-level API.</summary>
internal static class OpenSslSha256
{
    /// <summary>Longest input hashed here; anything longer goes through the BCL.</summary>
    public const int MaxInput = 16 * 1024;

    private const string Library = "hub-libcrypto";

    // SHA256_CTX is 112 bytes in OpenSSL 1.1 and 3.x; a little headroom costs nothing.
    private const int ContextSize = 128;

    // An interior node: 65 bytes of input, padded to two 64-byte blocks ending in the length in bits.
    private const int NodeBlocks = 128;
    private const ushort NodeBits = 65 * 8;

    // Why per-thread arrays and 16-byte moves: OpenSSL's SHA-NI code is legacy SSE, and SSE instructions run slowly
    // while the upper halves of the vector registers are dirty from 256-bit AVX instructions (the AVX-SSE transition
    // penalty; the JIT puts no VZEROUPPER before native calls). Zeroing a stackalloc'ed context or copying a known
    // 32 bytes makes the JIT emit exactly such instructions just before the call. Measured on the 2-core development
    // machine (CPU time per hash): a node 300 ns with a stack context and 256-bit child copies, 141 ns with
    // DOTNET_EnableAVX=0, 116-131 ns as written here; a 334-byte leaf 500-600 ns with a stack context, 320 ns now.
    // The hashing methods stay out of line: their prologue clears the upper halves whatever the caller did.
    [ThreadStatic]
    private static byte[]? t_context;

    [ThreadStatic]
    private static NodeScratch? t_node;

    /// <summary>True when OpenSSL's low-level SHA-256 loaded and passed its self-test.</summary>
    public static bool IsAvailable { get; } = Initialize();

    /// <summary>
    /// Writes SHA-256(first || second) to <paramref name="destination"/> (32 bytes; it may overlap the inputs, which are
    /// consumed before the digest is written). Requires <see cref="IsAvailable"/>; each input at most <see cref="MaxInput"/>.
    /// </summary>
    /// <remarks>Each native call costs a few nanoseconds: callers pass one span when copying is cheaper than a call.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination)
    {
        if (first.Length > MaxInput || second.Length > MaxInput || destination.Length < 32)
        {
            throw new ArgumentException("Inputs of at most MaxInput bytes and a 32-byte destination.");
        }

        var context = t_context ??= new byte[ContextSize];
        ref var ctx = ref MemoryMarshal.GetArrayDataReference(context);
        if (Sha256Init(ref ctx) != 1
            || (!first.IsEmpty && Sha256Update(ref ctx, ref MemoryMarshal.GetReference(first), (nuint)first.Length) != 1)
            || (!second.IsEmpty && Sha256Update(ref ctx, ref MemoryMarshal.GetReference(second), (nuint)second.Length) != 1)
            || Sha256Final(ref MemoryMarshal.GetReference(destination), ref ctx) != 1)
        {
            throw new CryptographicException("OpenSSL SHA-256 failed.");
        }
    }

    /// <summary>
    /// Writes SHA-256(0x01 || left || right), an RFC 9162 interior node, to <paramref name="destination"/> (which may
    /// overlap the inputs). Requires <see cref="IsAvailable"/>; <paramref name="left"/> and <paramref name="right"/>
    /// are 32 bytes each, <paramref name="destination"/> at least 32.
    /// </summary>
    /// <remarks>
    /// A node is the hot path of a full audit (one per leaf), and at two blocks its cost was mostly call overhead:
    /// Init, Update and Final (which buffers, pads and serializes) around two compressions. Here the 65 bytes go into
    /// a per-thread buffer that already holds the prefix and padding of exactly two blocks (0x80, zeros, the 520-bit
    /// length), one Update on a context reset to the initial state runs both compressions straight from that buffer,
    /// and the digest is the context's eight state words read big-endian: SHA-256 with nothing else left to do, so
    /// Final is skipped. That relies on SHA256_CTX starting
    /// with its state words h[0..7] (public in openssl/sha.h since 0.9.8); the self-test checks it against the BCL.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void HashNode(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != 32 || right.Length != 32 || destination.Length < 32)
        {
            throw new ArgumentException("Two 32-byte children and a 32-byte destination.");
        }

        // 16-byte moves on purpose (see t_context): the JIT would copy a known 32 bytes with one 256-bit move.
        var scratch = t_node ??= new NodeScratch();
        ref var blocks = ref MemoryMarshal.GetArrayDataReference(scratch.Blocks);
        ref readonly var l = ref MemoryMarshal.GetReference(left);
        ref readonly var r = ref MemoryMarshal.GetReference(right);
        Vector128.LoadUnsafe(in l).StoreUnsafe(ref blocks, 1);
        Vector128.LoadUnsafe(in l, 16).StoreUnsafe(ref blocks, 17);
        Vector128.LoadUnsafe(in r).StoreUnsafe(ref blocks, 33);
        Vector128.LoadUnsafe(in r, 16).StoreUnsafe(ref blocks, 49);

        // A fresh hash: the initial state words back in place of the last node's result (see NodeScratch).
        var context = scratch.Context;
        ref var ctx = ref MemoryMarshal.GetArrayDataReference(context);
        ref var initial = ref MemoryMarshal.GetArrayDataReference(scratch.InitialState);
        Vector128.LoadUnsafe(ref initial).StoreUnsafe(ref ctx);
        Vector128.LoadUnsafe(ref initial, 16).StoreUnsafe(ref ctx, 16);
        if (Sha256Update(ref ctx, ref blocks, NodeBlocks) != 1)
        {
            throw new CryptographicException("OpenSSL SHA-256 failed.");
        }

        var state = MemoryMarshal.Cast<byte, uint>(context.AsSpan(0, 32));
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>One thread's buffers for node hashes.</summary>
    /// <remarks>
    /// The context is initialised by SHA256_Init once and then only ever given whole 128-byte updates, so its buffered
    /// byte count stays zero and its length counters do not matter (Final is never called on it). Starting the next
    /// node then takes only the eight initial state words copied back over the last result: one native call per node.
    /// </remarks>
    private sealed class NodeScratch
    {
        public NodeScratch()
        {
            Blocks[0] = 0x01;
            Blocks[65] = 0x80;
            BinaryPrimitives.WriteUInt16BigEndian(Blocks.AsSpan(NodeBlocks - 2), NodeBits);
            if (Sha256Init(ref MemoryMarshal.GetArrayDataReference(Context)) != 1)
            {
                throw new CryptographicException("OpenSSL SHA-256 failed.");
            }
            Context.AsSpan(0, 32).CopyTo(InitialState);
        }

        /// <summary>The two blocks of a node with everything but the children in place: prefix, padding, length.</summary>
        public byte[] Blocks { get; } = new byte[NodeBlocks];

        public byte[] Context { get; } = new byte[ContextSize];

        /// <summary>SHA-256's initial state words as SHA256_Init left them.</summary>
        public byte[] InitialState { get; } = new byte[32];
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

            // The node path reads the context's state words directly: check it on a few children.
            Span<byte> node = stackalloc byte[65];
            for (var round = 0; round < 3; round++)
            {
                node[0] = 0x01;
                input.Slice(round * 40, 64).CopyTo(node[1..]);
                HashNode(node.Slice(1, 32), node.Slice(33, 32), ours);
                SHA256.HashData(node, bcl);
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

using System.Security.Cryptography;

namespace Hub.Transparency.Tests.Merkle;

/// <summary>
/// A deliberately naive Merkle tree written straight from the RFC 9162 §2.1 definitions
/// (MTH, PATH, PROOF/SUBPROOF) over the raw entries, with its own hashing. It shares no code with
/// Hub.Transparency, so agreement between the two is evidence, not tautology.
/// </summary>
internal static class ReferenceMerkleTree
{
    private static byte[] Sha256(params byte[][] parts) => SHA256.HashData(parts.SelectMany(p => p).ToArray());

    public static byte[] LeafHash(byte[] entry) => Sha256([0x00], entry);

    // MTH({}) = SHA-256(); MTH({d0}) = SHA-256(0x00 || d0);
    // MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two < n.
    public static byte[] Mth(IReadOnlyList<byte[]> d)
    {
        if (d.Count == 0)
        {
            return Sha256();
        }
        if (d.Count == 1)
        {
            return LeafHash(d[0]);
        }
        int k = SplitPoint(d.Count);
        return Sha256([0x01], Mth(Slice(d, 0, k)), Mth(Slice(d, k, d.Count)));
    }

    // PATH(m, {d0}) = {}; PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) if m < k,
    //                                   PATH(m - k, D[k:n]) : MTH(D[0:k]) otherwise.
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        if (d.Count == 1)
        {
            return [];
        }
        int k = SplitPoint(d.Count);
        return m < k
            ? [.. Path(m, Slice(d, 0, k)), Mth(Slice(d, k, d.Count))]
            : [.. Path(m - k, Slice(d, k, d.Count)), Mth(Slice(d, 0, k))];
    }

    // PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => Subproof(m, d, true);

    // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])};
    // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]);  m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
    private static List<byte[]> Subproof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        if (m == d.Count)
        {
            return b ? [] : [Mth(d)];
        }
        int k = SplitPoint(d.Count);
        return m <= k
            ? [.. Subproof(m, Slice(d, 0, k), b), Mth(Slice(d, k, d.Count))]
            : [.. Subproof(m - k, Slice(d, k, d.Count), false), Mth(Slice(d, 0, k))];
    }

    public static byte[] Concat(List<byte[]> hashes) => hashes.SelectMany(h => h).ToArray();

    private static int SplitPoint(int n)
    {
        int k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return k;
    }

    private static byte[][] Slice(IReadOnlyList<byte[]> d, int from, int to) => d.Skip(from).Take(to - from).ToArray();
}

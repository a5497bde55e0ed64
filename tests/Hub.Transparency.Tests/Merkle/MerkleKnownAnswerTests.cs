using Hub.Transparency.Merkle;

namespace Hub.Transparency.Tests.Merkle;

/// <summary>
/// Fixed RFC 6962 vectors used across certificate-transparency implementations: the eight leaf inputs
/// "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f and their tree roots.
/// Source: github.com/transparency-dev/merkle, testonly/constants.go (LeafInputs, NodeHashes, RootHashes),
/// which carries them over from the original certificate-transparency test suite.
/// </summary>
public sealed class MerkleKnownAnswerTests
{
    private static readonly byte[][] LeafInputs =
    [
        TestData.Hex(""), TestData.Hex("00"), TestData.Hex("10"), TestData.Hex("2021"), TestData.Hex("3031"),
        TestData.Hex("40414243"), TestData.Hex("5051525354555657"), TestData.Hex("606162636465666768696a6b6c6d6e6f"),
    ];

    private static readonly string[] LeafHashes =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    ];

    // Index = tree size.
    private static readonly string[] RootHashes =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void EmptyTreeRootIsSha256OfNothing() =>
        Assert.Equal(TestData.Hex(RootHashes[0]), MerkleHash.EmptyTreeRoot.ToArray());

    [Fact]
    public void LeafHashesMatchTheVectors()
    {
        for (int i = 0; i < LeafInputs.Length; i++)
        {
            Assert.Equal(TestData.Hex(LeafHashes[i]), MerkleHash.HashLeaf(LeafInputs[i]));
        }
    }

    [Fact]
    public void LargeEntriesHashLikeSmallOnes()
    {
        // Entries above the stack limit take the incremental path; the reference hashes them in one go.
        foreach (int size in new[] { 1023, 1024, 1025, 70_000 })
        {
            var entry = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
            Assert.Equal(ReferenceMerkleTree.LeafHash(entry), MerkleHash.HashLeaf(entry));
        }
    }

    [Fact]
    public void RootsAtEverySizeMatchTheVectors()
    {
        var accumulator = new MerkleAccumulator();
        var log = new InMemoryMerkleLog();
        Assert.Equal(TestData.Hex(RootHashes[0]), accumulator.GetRoot());
        for (int size = 1; size <= LeafInputs.Length; size++)
        {
            accumulator.Append(MerkleHash.HashLeaf(LeafInputs[size - 1]));
            log.AppendEntry(LeafInputs[size - 1]);
            Assert.Equal(TestData.Hex(RootHashes[size]), accumulator.GetRoot());
            Assert.Equal(TestData.Hex(RootHashes[size]), log.GetRoot());
        }
        for (int size = 0; size <= LeafInputs.Length; size++)
        {
            Assert.Equal(TestData.Hex(RootHashes[size]), MerkleProofBuilder.ComputeRoot(log, size));
        }
    }

    [Fact]
    public void ReferenceImplementationAgreesWithTheVectors()
    {
        for (int size = 0; size <= LeafInputs.Length; size++)
        {
            Assert.Equal(TestData.Hex(RootHashes[size]), ReferenceMerkleTree.Mth(LeafInputs[..size]));
        }
    }

    [Fact]
    public void InclusionAndConsistencyProofsOfTheVectorTreeVerify()
    {
        // Proof shapes from RFC 9162 §2.1.5's example tree of 7 leaves, over the vector leaves.
        var log = new InMemoryMerkleLog();
        foreach (var input in LeafInputs[..7])
        {
            log.AppendEntry(input);
        }
        var root7 = TestData.Hex(RootHashes[7]);

        // The inclusion proof for d0 is [b, h, l] in the RFC's figure: leaf 1, node (2,3), node (4,5,6).
        var proof = MerkleProofBuilder.BuildInclusionProof(log, 0, 7);
        Assert.Equal(3 * 32, proof.Length);
        Assert.Equal(TestData.Hex(LeafHashes[1]), proof[..32]);
        Assert.True(MerkleProofVerifier.VerifyInclusion(TestData.Hex(LeafHashes[0]), 0, 7, proof, root7));

        // The consistency proof between sizes 4 and 7 is [l] in the RFC: just the hash of (4,5,6).
        var consistency = MerkleProofBuilder.BuildConsistencyProof(log, 4, 7);
        Assert.Equal(32, consistency.Length);
        Assert.True(MerkleProofVerifier.VerifyConsistency(4, 7, TestData.Hex(RootHashes[4]), root7, consistency));

        // Between sizes 3 and 7 the RFC lists [c, d, g, l]: 4 hashes.
        Assert.Equal(4 * 32, MerkleProofBuilder.BuildConsistencyProof(log, 3, 7).Length);
    }
}

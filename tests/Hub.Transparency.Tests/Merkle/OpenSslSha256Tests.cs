using System.Security.Cryptography;
using Hub.Transparency.Merkle;

namespace Hub.Transparency.Tests.Merkle;

/// <summary>
/// The low-level OpenSSL SHA-256 path that MerkleHash takes on Linux, checked against the BCL's SHA-256 at
/// every input length around the 64-byte block and padding boundaries, and through MerkleHash's own entry points.
/// </summary>
public sealed class OpenSslSha256Tests
{
    [Fact]
    public void IsUsedWhereOpenSslIsThePlatformCrypto() =>
        Assert.Equal(OperatingSystem.IsLinux(), OpenSslSha256.IsAvailable);

    [Fact]
    public void AgreesWithTheBclAtEveryLengthUpToFiveBlocks()
    {
        if (!OpenSslSha256.IsAvailable)
        {
            return; // not Linux: the test above pins that the native path is on wherever it should be
        }

        var input = new byte[320];
        new Random(9162).NextBytes(input);
        Span<byte> ours = stackalloc byte[32];
        for (int length = 0; length <= 320; length++)
        {
            for (int split = 0; split <= length; split += Math.Max(1, length / 3))
            {
                OpenSslSha256.Hash(input.AsSpan(0, split), input.AsSpan(split, length - split), ours);
                Assert.Equal(SHA256.HashData(input.AsSpan(0, length)), ours.ToArray());
            }
        }
    }

    [Fact]
    public void MerkleHashesMatchTheDefinitionOnBothSidesOfTheNativeLimit()
    {
        var random = new Random(6962);
        foreach (int length in (int[])[0, 1, 63, 64, 333, 1024, 1025, OpenSslSha256.MaxInput, OpenSslSha256.MaxInput + 1, 100_000])
        {
            var entry = new byte[length];
            random.NextBytes(entry);
            Assert.Equal(SHA256.HashData([0x00, .. entry]), MerkleHash.HashLeaf(entry));
        }

        var left = new byte[32];
        var right = new byte[32];
        random.NextBytes(left);
        random.NextBytes(right);
        var node = new byte[32];
        MerkleHash.HashChildren(left, right, node);
        Assert.Equal(SHA256.HashData([0x01, .. left, .. right]), node);
    }

    [Fact]
    public void RefusesInputsBeyondItsLimit()
    {
        var tooLong = new byte[OpenSslSha256.MaxInput + 1];
        Assert.Throws<ArgumentException>(() => OpenSslSha256.Hash(tooLong, [], new byte[32]));
        Assert.Throws<ArgumentException>(() => OpenSslSha256.Hash([], [], new byte[31]));
    }

    [Fact]
    public void NodeHashMayOverwriteItsOwnInputs()
    {
        var left = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var right = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var expected = SHA256.HashData([0x01, .. left, .. right]);
        var both = left.Concat(right).ToArray();
        MerkleHash.HashChildren(both.AsSpan(0, 32), both.AsSpan(32, 32), both.AsSpan(0, 32));
        Assert.Equal(expected, both[..32]);
        MerkleHash.HashChildren(left, right, right);
        Assert.Equal(expected, right);
    }
}

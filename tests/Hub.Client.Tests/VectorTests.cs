using System.Security.Cryptography;
using System.Text;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

public sealed class VectorTests
{
    private static readonly string VectorDirectory = Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static TheoryData<string> Vectors() =>
        [.. Directory.GetFiles(VectorDirectory, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VectorOpensOrFailsAsItsExpectLineSays(string name)
    {
        var (headers, body) = Parse(File.ReadAllBytes(Path.Combine(VectorDirectory, name + ".txt")));
        var identities = headers.Where(h => h.Key == "identity").Select(h => (IIdentity)X25519Identity.Parse(h.Value))
            .Concat(headers.Where(h => h.Key == "passphrase").Select(h => (IIdentity)new ScryptIdentity(h.Value)))
            .ToList();
        var expect = headers.Single(h => h.Key == "expect").Value;

        if (expect == "success")
        {
            var plaintext = Envelope.Decrypt(body, identities);
            Assert.Equal(headers.Single(h => h.Key == "payload").Value, Convert.ToHexStringLower(SHA256.HashData(plaintext)));
            if (!headers.Any(h => h.Key == "armored"))
            {
                using var fileKey = EnvelopeHeader.Read(new MemoryStream(body)).Unwrap(identities);
                Assert.Equal(headers.Single(h => h.Key == "file key").Value, Convert.ToHexStringLower(fileKey.Bytes));
            }
        }
        else
        {
            var error = Assert.Throws<AgeException>(() => Envelope.Decrypt(body, identities));
            Assert.Equal(expect, error.Kind.ToString());
        }
    }

    [Fact]
    public void FrozenVectorsMatchTheDeterministicGenerator()
    {
        var generated = VectorGenerator.Generate();
        if (Environment.GetEnvironmentVariable("HUB_WRITE_VECTORS") == "1")
        {
            var source = Path.Combine(RepositoryRoot(), "tests", "Hub.Client.Tests", "Vectors");
            foreach (var (name, bytes) in generated)
            {
                File.WriteAllBytes(Path.Combine(source, name + ".txt"), bytes);
                File.WriteAllBytes(Path.Combine(VectorDirectory, name + ".txt"), bytes);
            }
        }

        var frozen = Directory.GetFiles(VectorDirectory, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order();
        Assert.Equal(generated.Keys.Order(), frozen);
        foreach (var (name, bytes) in generated)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(VectorDirectory, name + ".txt"))), name);
        }
    }

    private static (List<KeyValuePair<string, string>> Headers, byte[] Body) Parse(byte[] file)
    {
        var split = file.AsSpan().IndexOf("\n\n"u8);
        var headers = Encoding.ASCII.GetString(file, 0, split).Split('\n')
            .Select(line => line.Split(": ", 2))
            .Select(parts => KeyValuePair.Create(parts[0], parts[1]))
            .ToList();
        return (headers, file[(split + 2)..]);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hub.sln not found above the test assembly.");
    }
}

using Hub.Client.Crypto;

namespace Hub.Client.Tests;

public sealed class InteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-interop-").FullName;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Labels.ChunkSize)]
    [InlineData(Labels.ChunkSize + 1)]
    [InlineData((3 * 1024 * 1024) + 5)]
    public void FilesEncryptedByHubOpenWithTheAgeCliForEveryRecipient(int length)
    {
        var (hubKey, hubRecipient) = HubKey();
        var (ageKey, ageRecipient) = AgeKey();
        var input = WriteInput(length);
        var sealedFile = Path.Combine(_dir, "hub.age");

        Ok(AgeCli.Hub("age", "encrypt", "-r", hubRecipient, "-r", ageRecipient, "-o", sealedFile, input));

        Ok(AgeCli.Age("-d", "-i", ageKey, "-o", Path.Combine(_dir, "by-age"), sealedFile));
        Ok(AgeCli.Age("-d", "-i", hubKey, "-o", Path.Combine(_dir, "by-age-hub-key"), sealedFile));
        Assert.Equal(File.ReadAllBytes(input), AgeOutput("by-age"));
        Assert.Equal(File.ReadAllBytes(input), AgeOutput("by-age-hub-key"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(Labels.ChunkSize, false)]
    [InlineData(Labels.ChunkSize + 1, true)]
    [InlineData((3 * 1024 * 1024) + 5, false)]
    [InlineData((2 * 1024 * 1024) + 7, true)]
    public void FilesEncryptedByTheAgeCliOpenWithHub(int length, bool armor)
    {
        var (hubKey, hubRecipient) = HubKey();
        var (_, ageRecipient) = AgeKey();
        var input = WriteInput(length);
        var sealedFile = Path.Combine(_dir, "age.age");
        string[] armorFlag = armor ? ["-a"] : [];

        Ok(AgeCli.Age([.. armorFlag, "-r", ageRecipient, "-r", hubRecipient, "-o", sealedFile, input]));
        var output = Path.Combine(_dir, "by-hub");
        Ok(AgeCli.Hub("age", "decrypt", "-i", hubKey, "-o", output, sealedFile));

        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(output));
    }

    [Fact]
    public void ArmoredFilesFromHubOpenWithTheAgeCli()
    {
        var (_, ageRecipient) = AgeKey();
        var ageKey = Path.Combine(_dir, "age.key");
        var input = WriteInput(100_000);
        var sealedFile = Path.Combine(_dir, "hub.asc");

        Ok(AgeCli.Hub("age", "encrypt", "-a", "-r", ageRecipient, "-o", sealedFile, input));
        Ok(AgeCli.Age("-d", "-i", ageKey, "-o", Path.Combine(_dir, "out"), sealedFile));

        Assert.StartsWith(Labels.ArmorBegin, File.ReadAllText(sealedFile), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(input), AgeOutput("out"));
    }

    [Fact]
    public void HubDecryptFailsWithOneLineAndNoOutputForAWrongKey()
    {
        var (_, ageRecipient) = AgeKey();
        var (hubKey, _) = HubKey();
        var sealedFile = Path.Combine(_dir, "other.age");
        Ok(AgeCli.Age("-r", ageRecipient, "-o", sealedFile, WriteInput(10)));

        var (exitCode, _, stderr) = AgeCli.Hub("age", "decrypt", "-i", hubKey, "-o", Path.Combine(_dir, "nothing"), sealedFile);

        Assert.NotEqual(0, exitCode);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("NoMatchingRecipient", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "nothing")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Path, string Recipient) HubKey()
    {
        var path = Path.Combine(_dir, "hub.key");
        var (_, stdout, _) = Ok(AgeCli.Hub("age", "keygen", "-o", path));
        return (path, stdout.Trim());
    }

    private (string Path, string Recipient) AgeKey()
    {
        var path = Path.Combine(_dir, "age.key");
        Ok(AgeCli.AgeKeygen("-o", path));
        var recipient = File.ReadAllLines(path).Single(l => l.StartsWith("# public key: ", StringComparison.Ordinal))["# public key: ".Length..];
        return (path, recipient);
    }

    // age opens its output file lazily: an empty plaintext leaves no file behind.
    private byte[] AgeOutput(string name)
    {
        var path = Path.Combine(_dir, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : [];
    }

    private string WriteInput(int length)
    {
        var path = Path.Combine(_dir, "input.bin");
        File.WriteAllBytes(path, TestData.Bytes(length, seed: length));
        return path;
    }

    private static (int ExitCode, string StdOut, string StdErr) Ok((int ExitCode, string StdOut, string StdErr) result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StdErr}");
        return result;
    }
}

using Hub.Silo.Audit;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Silo.Tests.Audit;

public sealed class LogKeyFileTests : IDisposable
{
    private const string Name = "hub.example/test-cluster";

    private readonly string _directory = Directory.CreateTempSubdirectory("hub-logkey-").FullName;

    private string KeyPath => Path.Combine(_directory, "keys", "hub-log.key");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string VerifierKeyOf(Key key) => new Ed25519NoteSigner(Name, key).Verifier.VerifierKey;

    [Fact]
    public void TheKeyIsGeneratedOnFirstStartOwnerOnlyAndReloadedUnchanged()
    {
        using var created = LogKeyFile.LoadOrCreate(KeyPath, Name);
        using var reloaded = LogKeyFile.LoadOrCreate(KeyPath, Name);

        Assert.Equal(VerifierKeyOf(created), VerifierKeyOf(reloaded));
        Assert.StartsWith($"PRIVATE+KEY+{Name}+", File.ReadAllText(KeyPath), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        }
    }

    [Fact]
    public async Task SilosStartingTogetherOnOneSharedFileAllGetTheSameKey()
    {
        using var start = new Barrier(8);
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            using var key = LogKeyFile.LoadOrCreate(KeyPath, Name);
            return VerifierKeyOf(key);
        })));

        Assert.Single(keys.Distinct());
        Assert.Equal(["hub-log.key"], Directory.GetFiles(Path.GetDirectoryName(KeyPath)!).Select(f => Path.GetFileName(f)!));   // no temporary file left
    }

    [Fact]
    public void TheLoadedKeyCannotBeExported()
    {
        using var key = LogKeyFile.LoadOrCreate(KeyPath, Name);

        Assert.Throws<InvalidOperationException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
    }

    [Fact]
    public void AKeyFileOthersCanReadIsRefused()
    {
        LogKeyFile.LoadOrCreate(KeyPath, Name).Dispose();
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var refused = Assert.Throws<InvalidOperationException>(() => LogKeyFile.LoadOrCreate(KeyPath, Name));
        Assert.Contains("readable by others", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyFileOfAnotherLogOrWithABadKeyIdIsRefused()
    {
        LogKeyFile.LoadOrCreate(KeyPath, Name).Dispose();

        Assert.Throws<InvalidOperationException>(() => LogKeyFile.LoadOrCreate(KeyPath, "hub.example/other-cluster"));
        var text = File.ReadAllText(KeyPath);
        var parts = text.Split('+', 5);
        File.WriteAllText(KeyPath, $"PRIVATE+KEY+{parts[2]}+00000000+{parts[4]}");
        Assert.Throws<InvalidOperationException>(() => LogKeyFile.LoadOrCreate(KeyPath, Name));
    }
}

using Hub.Client.Crypto;
using Hub.Client.Keys;

namespace Hub.Client.Tests.Keys;

public sealed class DeviceKeyStoreTests : IDisposable
{
    // Low scrypt cost keeps the tests fast; the format is the same.
    private const int WorkFactor = 10;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hub-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SavedKeysLoadWithTheSamePublicKeysAndStillSign()
    {
        var store = new DeviceKeyStore(_directory);
        using var device = DeviceKey.Generate("laptop-1");
        store.Save(device, "correct horse battery staple", WorkFactor);

        using var loaded = store.Load("correct horse battery staple");

        Assert.Equal(device.PublicKeys.Fingerprint, loaded.PublicKeys.Fingerprint);
        var directory = new InMemoryKeyDirectory();
        directory.Enrol(new EnrolmentStatement("NL-HOTLINE", device.PublicKeys, "laptop-1", DateTimeOffset.UnixEpoch).Sign(loaded));
    }

    [Fact]
    public void AWrongPassphraseFailsWithBadPassphrase()
    {
        var store = new DeviceKeyStore(_directory);
        using var device = DeviceKey.Generate("laptop-1");
        store.Save(device, "correct horse battery staple", WorkFactor);

        var error = Assert.Throws<AgeException>(() => store.Load("incorrect horse"));

        Assert.Equal(AgeErrorKind.BadPassphrase, error.Kind);
    }

    [Fact]
    public void TheKeyFileIsOwnerOnlyAndNeverOverwritten()
    {
        var store = new DeviceKeyStore(_directory);
        using var device = DeviceKey.Generate("laptop-1");
        using var other = DeviceKey.Generate("laptop-2");
        store.Save(device, "pass", WorkFactor);

        Assert.Throws<IOException>(() => store.Save(other, "pass", WorkFactor));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
        }
    }

    [Fact]
    public void LoadedKeysCannotBeExportedAgain()
    {
        var store = new DeviceKeyStore(_directory);
        using var device = DeviceKey.Generate("laptop-1");
        store.Save(device, "pass", WorkFactor);
        using var loaded = store.Load("pass");

        Assert.ThrowsAny<InvalidOperationException>(() => new DeviceKeyStore(_directory + "-copy").Save(loaded, "pass", WorkFactor));
        Assert.ThrowsAny<InvalidOperationException>(() => new DeviceKeyStore(_directory + "-again").Save(device, "pass", WorkFactor));
    }

    [Fact]
    public void TheDefaultDirectoryIsUnderTheUserConfigFolder() =>
        Assert.Equal("hub", Path.GetFileName(DeviceKeyStore.DefaultDirectory));

    public void Dispose()
    {
        foreach (var path in new[] { _directory, _directory + "-copy", _directory + "-again" })
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}

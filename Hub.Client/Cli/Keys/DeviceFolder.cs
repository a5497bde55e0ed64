using System.Text;
using System.Text.Json;
using Hub.Cli.Session;
using Hub.Client.Keys;

namespace Hub.Cli.Keys;

/// <summary>
/// A profile's device: <c>devices/&lt;profile&gt;/</c> under the CLI's config directory, owner-only, holding the
/// passphrase-protected key file (<see cref="DeviceKeyStore"/>), the public <c>device.json</c> and the profile's
/// key pins (<c>pins.txt</c>, trust on first use). One device per profile, because a profile is one person
/// acting for one agency.
/// </summary>
internal sealed class DeviceFolder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private DeviceFolder(string directory) => Directory = directory;

    public string Directory { get; }

    public DeviceKeyStore Store => new(Directory);

    private string CardPath => Path.Combine(Directory, "device.json");

    private string PinsPath => Path.Combine(Directory, "pins.txt");

    public static DeviceFolder For(string profileName)
    {
        ArgumentNullException.ThrowIfNull(profileName);
        // Profile names are often user names; keep them readable but never a path.
        var safe = new string([.. profileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')]);
        return new DeviceFolder(Path.Combine(new ProfileStore().Directory, "devices", safe is "." or ".." ? "_" : safe));
    }

    public DeviceCard? ReadCard() => File.Exists(CardPath) ? JsonSerializer.Deserialize<DeviceCard>(File.ReadAllText(CardPath), Json) : null;

    public void WriteCard(DeviceCard card) => WriteOwnerOnly(CardPath, JsonSerializer.Serialize(card, Json));

    public KeyPins LoadPins() => File.Exists(PinsPath) ? KeyPins.Parse(File.ReadAllText(PinsPath, Encoding.UTF8)) : new KeyPins();

    public void SavePins(KeyPins pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        WriteOwnerOnly(PinsPath, pins.Format());
    }

    private void WriteOwnerOnly(string path, string text)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            file.Write(Encoding.UTF8.GetBytes(text));
        }

        // Replace in one step: a crash leaves the old file or the new one, never half of either.
        File.Move(temporary, path, overwrite: true);
    }
}

using System.Text.Json;

namespace Hub.Cli.Session;

/// <summary>
/// Profiles in <c>profiles.json</c> under the user's config directory (<c>$HUB_CONFIG_DIR</c>, else
/// <c>$XDG_CONFIG_HOME/hub</c>, else <c>~/.config/hub</c>), owner-only because it holds access tokens.
/// </summary>
internal sealed class ProfileStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public ProfileStore(string? directory = null) =>
        Directory = directory ?? Environment.GetEnvironmentVariable("HUB_CONFIG_DIR")
            ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "hub");

    public string Directory { get; }

    private string FilePath => Path.Combine(Directory, "profiles.json");

    public ProfilesFile Load() =>
        File.Exists(FilePath) ? JsonSerializer.Deserialize<ProfilesFile>(File.ReadAllText(FilePath), Json) ?? new ProfilesFile() : new ProfilesFile();

    public void Save(ProfilesFile profiles)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = FilePath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(file, profiles, Json);
        }

        // Replace in one step so a crash never leaves a half-written profiles file.
        File.Move(temporary, FilePath, overwrite: true);
    }
}

/// <summary>The profiles file: the default profile's name and every profile by name.</summary>
internal sealed class ProfilesFile
{
    public string? Current { get; set; }

    public Dictionary<string, CliProfile> Profiles { get; init; } = new(StringComparer.Ordinal);
}

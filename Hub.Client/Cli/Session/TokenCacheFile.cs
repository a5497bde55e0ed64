// MSAL's token cache for one Entra profile, in a file of its own under the config directory
// (entra/<profile>.cache). It holds refresh tokens, so it is created owner-only (0600) before MSAL can
// write anything into it, and replaced in one step so a crash never leaves a half-written cache.
using Microsoft.Identity.Client;

namespace Hub.Cli.Session;

/// <summary>Binds an MSAL token cache to an owner-only file.</summary>
internal sealed class TokenCacheFile(string path)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path { get; } = path;

    public static TokenCacheFile For(string profileName)
    {
        var safe = string.Concat(profileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_'));
        return new TokenCacheFile(System.IO.Path.Combine(new ProfileStore().Directory, "entra", safe + ".cache"));
    }

    /// <summary>Creates the (empty) file owner-only if it does not exist yet.</summary>
    public void EnsureExists()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(Path))
        {
            Write([]);
        }
    }

    public void Bind(ITokenCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cache.SetBeforeAccess(args =>
        {
            if (File.Exists(Path) && new FileInfo(Path).Length > 0)
            {
                args.TokenCache.DeserializeMsalV3(File.ReadAllBytes(Path));
            }
        });
        cache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                EnsureExists();
                Write(args.TokenCache.SerializeMsalV3());
            }
        });
    }

    public void Delete()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }

    private void Write(byte[] bytes)
    {
        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var file = new FileStream(temporary, options))
        {
            file.Write(bytes);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
